using System.Text.Json;
using WireMock;

namespace Releng.Jobs.Sandbox.Forgejo;

/// <summary>What the fake needs from one request: method, path, query, JSON body and the token it carries.</summary>
internal sealed class ForgejoFakeRequest
{
    private ForgejoFakeRequest(string method, string path, Dictionary<string, string> query, JsonElement? body, string? token, bool badAuthorization)
    {
        Method = method;
        Path = path;
        Query = query;
        Body = body;
        Token = token;
        BadAuthorization = badAuthorization;
    }

    public string Method { get; }
    public string Path { get; }
    /// <summary>The first value of each query key, as Go's <c>ctx.FormString</c> reads it.</summary>
    public Dictionary<string, string> Query { get; }
    /// <summary>The parsed JSON body; null when there is none or it is not JSON.</summary>
    public JsonElement? Body { get; }
    /// <summary>From <c>Authorization: token X</c> or <c>bearer X</c>.</summary>
    public string? Token { get; }
    /// <summary>An Authorization header that is not two words: Forgejo refuses it with 401.</summary>
    public bool BadAuthorization { get; }

    public string? QueryValue(string key) => Query.TryGetValue(key, out var value) ? value : null;

    public string? BodyString(string property) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public JsonElement? BodyProperty(string property) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static ForgejoFakeRequest From(IRequestMessage request)
    {
        var authorization = request.Headers?.FirstOrDefault(header => string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();
        string? token = null;
        var bad = false;
        if (authorization is not null)
        {
            var words = authorization.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[0].ToLowerInvariant() is "token" or "bearer")
            {
                token = words[1];
            }
            else if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                bad = true;
            }
        }
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in new Uri(request.AbsoluteUrl).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            query.TryAdd(key, equals < 0 ? "" : Decode(pair[(equals + 1)..]));
        }
        JsonElement? body = null;
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            try
            {
                using var document = JsonDocument.Parse(request.Body);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // left null: the handlers answer 422 like Forgejo's binding
            }
        }
        // The raw path keeps %2F inside a label name, which a decoded path would split.
        return new ForgejoFakeRequest(request.Method.ToUpperInvariant(), new Uri(request.AbsoluteUrl).AbsolutePath, query, body, token, bad);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

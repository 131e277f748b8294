using System.Text.Json;
using WireMock;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>What the fake needs from one request: its query with repeated keys kept, its form (or JSON body), its token.</summary>
internal sealed class PagureFakeRequest
{
    private PagureFakeRequest(string method, string path, List<KeyValuePair<string, string>> query,
        Dictionary<string, string> form, string? token, bool hasAuthorization)
    {
        Method = method;
        Path = path;
        Query = query;
        Form = form;
        Token = token;
        HasAuthorization = hasAuthorization;
    }

    public string Method { get; }
    public string Path { get; }
    public List<KeyValuePair<string, string>> Query { get; }
    public Dictionary<string, string> Form { get; }
    /// <summary>The value of <c>Authorization: token X</c>; null for no header or another scheme (e.g. Bearer).</summary>
    public string? Token { get; }
    public bool HasAuthorization { get; }

    public string? QueryValue(string key) => Query.FirstOrDefault(pair => pair.Key == key).Value;

    public IReadOnlyList<string> QueryValues(string key) =>
        Query.Where(pair => pair.Key == key).Select(pair => pair.Value).ToList();

    public static PagureFakeRequest From(IRequestMessage request)
    {
        var authorization = Header(request, "Authorization");
        string? token = null;
        if (authorization is not null && authorization.StartsWith("token ", StringComparison.OrdinalIgnoreCase))
        {
            token = authorization["token ".Length..].Trim();
            token = token.Length == 0 ? null : token;
        }
        var rawQuery = new Uri(request.AbsoluteUrl).Query.TrimStart('?');
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = request.Body ?? "";
        var contentType = Header(request, "Content-Type") ?? "";
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        form[property.Name] = property.Value.ValueKind == JsonValueKind.String
                            ? property.Value.GetString()!
                            : property.Value.GetRawText();
                    }
                }
            }
            catch (JsonException)
            {
                // an unreadable body is an empty form, as for Pagure's request parser
            }
        }
        else
        {
            foreach (var (key, value) in ParsePairs(body))
            {
                form.TryAdd(key, value);
            }
        }
        return new PagureFakeRequest(request.Method.ToUpperInvariant(), request.Path, ParsePairs(rawQuery), form, token,
            authorization is not null);
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    /// <summary>Form/query decoding: <c>+</c> is a space, <c>%2B</c> a plus.</summary>
    private static List<KeyValuePair<string, string>> ParsePairs(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return new KeyValuePair<string, string>(Decode(key), Decode(value));
            })
            .ToList();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

using System.Net;
using System.Text.Json;

namespace Releng.Jobs.Forgejo;

/// <summary>
/// Turns a failed Forgejo response into a <see cref="ForgejoException"/>. Forgejo's error body is
/// <c>{"message", "url"}</c> (404s may add <c>errors</c>, or be <c>null</c>); 403s from permission checks are empty.
/// </summary>
public static class ForgejoErrors
{
    private const int MaxBodyInMessage = 300;

    /// <summary>Refit's exception factory: null for a success, so Refit goes on deserializing.</summary>
    public static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync();
        var request = response.RequestMessage;
        return FromBody(response.StatusCode, body, request?.Method.Method, request?.RequestUri?.AbsolutePath);
    }

    public static ForgejoException FromBody(HttpStatusCode status, string body, string? method = null, string? path = null)
    {
        var message = MessageOf(body);
        if (string.IsNullOrWhiteSpace(message))
        {
            message = status switch
            {
                HttpStatusCode.Forbidden => "forbidden: the token's account lacks the permission (Forgejo gives no reason)",
                HttpStatusCode.NotFound => "not found (or a private repository the token cannot read)",
                HttpStatusCode.Unauthorized => "the token was refused",
                _ => status.ToString(),
            };
        }
        else if (status == HttpStatusCode.NotFound)
        {
            message += " (or a private repository the token cannot read)";
        }
        return new ForgejoException(status, message, method, path);
    }

    private static string? MessageOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (root.ValueKind == JsonValueKind.Object)
            {
                var message = root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String
                    ? text.GetString()
                    : null;
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    var details = errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                        .Select(e => e.GetString()).Where(e => !string.IsNullOrEmpty(e) && e != message).ToList();
                    if (details.Count > 0)
                    {
                        message = string.Join("; ", new[] { message }.Concat(details).Where(m => !string.IsNullOrEmpty(m)));
                    }
                }
                return message;
            }
        }
        catch (JsonException)
        {
            // not Forgejo's error body (a proxy's page): quoted below
        }
        var trimmed = body.Trim();
        return trimmed.Length > MaxBodyInMessage ? trimmed[..MaxBodyInMessage] + "…" : trimmed;
    }
}

using System.Net;
using System.Text.Json;
using Refit;

namespace Releng.Jobs.Pagure;

/// <summary>
/// Turns a failed Pagure response into a <see cref="PagureException"/>: Pagure's body
/// <c>{"error", "error_code", "errors"?}</c> where <c>errors</c> is a field → messages map or a plain string.
/// A body of another shape (a proxy's error page) gives <see cref="PagureErrorCode.Http"/>. The ticket tracker
/// (pagure.io) and dist-git (src.fedoraproject.org) are both Pagure and share this reading.
/// </summary>
public static class PagureErrors
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
        return FromBody(response.StatusCode, body, response.ReasonPhrase);
    }

    /// <summary>The error of a Refit <see cref="IApiResponse"/> that did not succeed.</summary>
    public static Exception FromApiResponse(IApiResponse response)
    {
        HttpStatusCode? status = response.StatusCode;
        if (status is not { } code || code == 0 || response.Error is not (null or ApiException))
        {
            // A transport failure: there is no response to read.
            return (Exception?)response.Error ?? new HttpRequestException("no response");
        }
        var error = response.Error as ApiException;
        return FromBody(code, error?.Content ?? "", error?.ReasonPhrase);
    }

    public static PagureException FromBody(HttpStatusCode status, string body, string? reasonPhrase = null)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error_code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                var error = root.TryGetProperty("error", out var text) && text.ValueKind == JsonValueKind.String
                    ? text.GetString()!
                    : "";
                var detail = root.TryGetProperty("errors", out var errors) ? Describe(errors) : null;
                return new PagureException(status, code.GetString()!, error, detail);
            }
        }
        catch (JsonException)
        {
            // not Pagure's error body; reported below
        }
        var snippet = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "…" : body;
        return new PagureException(status, PagureErrorCode.Http, reasonPhrase ?? status.ToString(),
            string.IsNullOrWhiteSpace(snippet) ? null : snippet.Trim());
    }

    /// <summary><c>{"close_status":["Not a valid choice."]}</c> → <c>close_status: Not a valid choice.</c></summary>
    private static string? Describe(JsonElement errors) => errors.ValueKind switch
    {
        JsonValueKind.String => errors.GetString(),
        JsonValueKind.Object => string.Join("; ", errors.EnumerateObject().Select(field =>
            $"{field.Name}: {(field.Value.ValueKind == JsonValueKind.Array
                ? string.Join(" ", field.Value.EnumerateArray().Select(Text))
                : Text(field.Value))}")),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => errors.GetRawText(),
    };

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

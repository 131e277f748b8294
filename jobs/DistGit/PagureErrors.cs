using System.Net;
using System.Text.Json;
using Refit;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.DistGit;

/// <summary>Turns a failed Refit response into a <see cref="PagureException"/> carrying Pagure's error code.</summary>
internal static class PagureErrors
{
    public static Exception From(HttpStatusCode? statusCode, ApiExceptionBase? error)
    {
        if (statusCode is not { } status || error is not (null or ApiException))
        {
            // A transport failure: there is no response to read.
            return (Exception?)error ?? new HttpRequestException("no response from dist-git");
        }
        var apiError = error as ApiException;
        var content = apiError?.Content;
        if (!string.IsNullOrWhiteSpace(content))
        {
            try
            {
                var body = JsonSerializer.Deserialize<PagureErrorJson>(content, PagureJson.Options);
                if (body?.ErrorCode is not null)
                {
                    return new PagureException(status, body.ErrorCode, body.Error ?? "", Detail(body.Errors));
                }
            }
            catch (JsonException)
            {
                // Not Pagure's JSON (a proxy's HTML error page): fall through to the HTTP status.
            }
        }
        return new PagureException(status, $"HTTP{(int)status}", apiError?.ReasonPhrase ?? status.ToString());
    }

    private static string? Detail(JsonElement? errors) => errors switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Object } e => string.Join("; ", e.EnumerateObject().Select(p =>
            $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.Array ? string.Join(" ", p.Value.EnumerateArray().Select(m => m.ToString())) : p.Value.ToString())}")),
        _ => null,
    };
}

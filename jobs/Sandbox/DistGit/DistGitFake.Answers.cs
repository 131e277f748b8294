using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>Reading requests and writing answers the way Pagure (Flask) does.</summary>
public sealed partial class DistGitFake
{
    // Flask writes a quote as \" rather than \u0022; clients compare message texts.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Pagure checks the token before it looks at anything else, so a write without one is 401 even for a missing project.</summary>
    private static ResponseMessage Authorized(IRequestMessage request, Func<ResponseMessage> handler)
    {
        var header = request.Headers?.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        var token = header is not null && header.StartsWith("token ", StringComparison.Ordinal) ? header["token ".Length..].Trim() : "";
        if (token.Length == 0)
        {
            return Error(401, "EINVALIDTOK",
                $"Invalid or expired token. Please visit {BaseUrl(request)}settings#nav-api-tab to get or renew your API token.",
                "Invalid token");
        }
        return handler();
    }

    private static (string Namespace, string Name) ProjectOf(IRequestMessage request, int index)
    {
        var segments = Segments(request);
        return (segments[index], segments[index + 1]);
    }

    private static string[] Segments(IRequestMessage request) =>
        request.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();

    private static string BaseUrl(IRequestMessage request) => new Uri(request.Url).GetLeftPart(UriPartial.Authority) + "/";

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Python truthiness of a form value, as Pagure reads its boolean switches.</summary>
    private static bool IsTrue(string? value) =>
        value is not null && value.Length > 0 && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    /// <summary>The request's fields, form-encoded or JSON (Pagure accepts both); the first of repeated fields.</summary>
    private static Dictionary<string, string> Form(IRequestMessage request)
    {
        var body = request.Body ?? request.BodyData?.BodyAsString ?? "";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields.TryAdd(property.Name, property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.False => "",
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    });
                }
            }
            catch (JsonException)
            {
                // Not JSON after all; Pagure would see no fields.
            }
            return fields;
        }
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            fields.TryAdd(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : "");
        }
        return fields;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static ResponseMessage NoProject() => Error(404, "ENOPROJECT", "Project not found");

    private static ResponseMessage Error(int status, string code, string message, object? errors = null)
    {
        var body = new SortedDictionary<string, object?> { ["error"] = message, ["error_code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }
        return JsonResponse(status, body);
    }

    private static ResponseMessage NotFoundPage() =>
        TextResponse(404, "<!DOCTYPE html>\n<html><head><title>Page not found :'( - Pagure</title></head><body><h2>Page not found (404)</h2></body></html>\n",
            "text/html; charset=utf-8");

    private static ResponseMessage JsonResponse(int status, object body) =>
        TextResponse(status, JsonSerializer.Serialize(body, Json) + "\n", "application/json");

    private static ResponseMessage TextResponse(int status, string body, string contentType)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }
}

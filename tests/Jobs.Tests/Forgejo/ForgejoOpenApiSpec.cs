using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>
/// Forgejo's own OpenAPI (Swagger 2.0) description (Samples/forgejo/swagger-v1.json, Forgejo v15.0.3), read to check
/// responses with NJsonSchema. The spec is written by go-swagger, which leaves out what the Go structs really do, so
/// it is made stricter here, never looser, and the few deviations Forgejo really has are named one by one:
/// every property a response type lists is required (Forgejo's structs have no <c>omitempty</c>), no property the
/// spec does not list is allowed, except <see cref="ExtraProperties"/>; <see cref="NullableProperties"/> may be null;
/// a 403 may have an empty body (handlers' permission checks).
/// </summary>
internal sealed class ForgejoOpenApiSpec
{
    /// <summary>Go pointers and nil slices the server sends as JSON null though the spec does not say so.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> NullableProperties = new Dictionary<string, string[]>
    {
        ["Issue"] = ["assignee", "assignees", "closed_at", "due_date", "milestone", "pull_request"],
        ["PullRequestMeta"] = ["merged_at"],
    };

    /// <summary><c>User.MarshalJSON</c> adds <c>username</c>, a copy of <c>login</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ExtraProperties = new Dictionary<string, string[]>
    {
        ["User"] = ["username"],
    };

    private readonly JsonObject _root;
    private readonly JsonObject _definitions;
    private readonly List<(string Template, Regex Pattern, int Parameters)> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private ForgejoOpenApiSpec(JsonObject root)
    {
        _root = root;
        _definitions = Strict((JsonObject)root["definitions"]!.DeepClone());
        _paths = ((JsonObject)root["paths"]!).Select(path => (
                path.Key,
                new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{[^}]+}", "[^/]+") + "$"),
                path.Key.Count(c => c == '{')))
            .OrderBy(path => path.Item3)
            .ToList();
    }

    public static ForgejoOpenApiSpec Load() =>
        new((JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "forgejo", "swagger-v1.json")))!);

    public string BasePath => (string)_root["basePath"]!;

    /// <summary>The spec's path template for a request path under <see cref="BasePath"/>; literal segments win over parameters.</summary>
    public string? TemplateOf(string method, string requestPath)
    {
        var path = requestPath.StartsWith(BasePath, StringComparison.Ordinal) ? requestPath[BasePath.Length..] : requestPath;
        return _paths.FirstOrDefault(candidate => candidate.Pattern.IsMatch(path) && Operation(candidate.Template, method) is not null).Template;
    }

    public JsonObject? Operation(string template, string method) =>
        _root["paths"]![template]?[method.ToLowerInvariant()] as JsonObject;

    /// <summary>Everything wrong with one response, in words; empty when it is what the spec describes.</summary>
    public IReadOnlyList<string> Check(string method, string requestPath, int status, string? body, Func<string, string?> header)
    {
        var template = TemplateOf(method, requestPath);
        if (template is null)
        {
            return [$"{method} {requestPath} is not an operation of the spec"];
        }
        var response = Operation(template, method)!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (response is null)
        {
            return [$"{method} {template} does not list status {status}"];
        }
        if (response["$ref"] is { } reference)
        {
            response = _root["responses"]![((string)reference!).Split('/')[^1]]!;
        }
        var problems = new List<string>();
        foreach (var (name, spec) in response["headers"] as JsonObject ?? [])
        {
            var value = header(name);
            if (value is null || ((string?)spec!["type"] == "integer" && !long.TryParse(value, out _)))
            {
                problems.Add($"{method} {template} {status}: header {name} is {(value is null ? "missing" : $"'{value}', not an integer")}");
            }
        }
        var schema = response["schema"];
        if (schema is null || (status == (int)HttpStatusCode.Forbidden && string.IsNullOrEmpty(body)))
        {
            if (schema is null && !string.IsNullOrEmpty(body))
            {
                problems.Add($"{method} {template} {status}: the spec has no body, the response has '{body}'");
            }
            return problems;
        }
        var validator = _schemas.GetOrAdd(schema.ToJsonString(), key =>
        {
            // NJsonSchema resolves $refs against the root, and ignores a root's siblings of $ref: hence allOf.
            var document = new JsonObject { ["allOf"] = new JsonArray(JsonNode.Parse(key)), ["definitions"] = _definitions.DeepClone() };
            return JsonSchema.FromJsonAsync(document.ToJsonString()).GetAwaiter().GetResult();
        });
        problems.AddRange(Flatten(validator.Validate(body ?? "")).Select(error => $"{method} {template} {status}: {error.Path}: {error.Kind}"));
        return problems;
    }

    /// <summary>The innermost errors: an allOf/oneOf failure says only that a branch failed.</summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(error => error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.Values.SelectMany(inner => inner))
            : [error]);

    private static JsonObject Strict(JsonObject definitions)
    {
        foreach (var (name, node) in definitions)
        {
            if (node is not JsonObject definition || definition["properties"] is not JsonObject properties)
            {
                continue;
            }
            foreach (var extra in ExtraProperties.GetValueOrDefault(name, []))
            {
                properties[extra] = new JsonObject { ["type"] = "string" };
            }
            var nullable = NullableProperties.GetValueOrDefault(name, []);
            foreach (var property in nullable)
            {
                var spec = (JsonObject)properties[property]!;
                properties[property] = spec["$ref"] is not null
                    ? new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, spec.DeepClone()) }
                    : Nullable(spec);
            }
            definition["required"] = new JsonArray(properties.Select(property => (JsonNode)property.Key).ToArray());
            definition["additionalProperties"] = false;
        }
        return definitions;
    }

    private static JsonObject Nullable(JsonObject spec)
    {
        var copy = (JsonObject)spec.DeepClone();
        copy["type"] = new JsonArray((string)spec["type"]!, "null");
        return copy;
    }
}

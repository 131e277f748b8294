using System.Text.Json;
using System.Text.Json.Nodes;

namespace Releng.Jobs.Configuration;

/// <summary>
/// The JSON Schema of jobs.yaml, generated from the task catalog so editors check the same rules as the loader
/// (the loader stays the authority: it also checks crons and reports lines and columns).
/// </summary>
public static class JobsSchema
{
    public static string Generate(TaskCatalog catalog)
    {
        var addresses = typeof(ServiceUrls).GetProperties().Where(p => p.PropertyType == typeof(string)).ToList();
        var properties = new JsonObject(addresses.Select(p => KeyValuePair.Create<string, JsonNode?>(YamlName(p.Name), new JsonObject { ["type"] = "string" })))
        {
            [YamlName(nameof(ServiceUrls.Concurrency))] = new JsonObject
            {
                ["description"] = $"requests in flight at once per service (default {Http.HttpOptions.Default.MaxConcurrency})",
                ["type"] = "object",
                ["propertyNames"] = new JsonObject { ["enum"] = new JsonArray(Services.ServiceName.Every.Select(n => (JsonNode?)n).ToArray()) },
                ["additionalProperties"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = ServiceUrls.MaxConcurrency },
            },
        };
        var services = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray(addresses
                .Where(p => p.GetCustomAttributes(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false).Length > 0)
                .Select(p => (JsonNode?)YamlName(p.Name)).ToArray()),
            ["properties"] = properties,
        };
        var jobVariants = new JsonArray(catalog.All.OrderBy(s => s.Name, StringComparer.Ordinal).Select(JobSchema).ToArray<JsonNode?>());
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Releng Jobs: jobs.yaml",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["services"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = services },
                ["jobs"] = new JsonObject
                {
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["pattern"] = "^[a-z][a-z0-9-]{0,62}$" },
                    ["additionalProperties"] = new JsonObject { ["oneOf"] = jobVariants },
                },
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>A property's key in jobs.yaml, as the loader's naming convention spells it (<c>DistgitGit</c> → <c>distgit_git</c>).</summary>
    private static string YamlName(string property) => YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance.Apply(property);

    private static JsonNode JobSchema(TaskSpec spec) => new JsonObject
    {
        ["description"] = spec.Description,
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray(spec.Parameters.Any(p => p.Required && p.Default is null) ? ["task", "with"] : new JsonNode?[] { "task" }),
        ["properties"] = new JsonObject
        {
            ["task"] = new JsonObject { ["const"] = spec.Name },
            ["description"] = new JsonObject { ["type"] = "string" },
            ["schedule"] = new JsonObject { ["type"] = "string", ["description"] = "5-field cron, UTC", ["pattern"] = @"^\S+( \S+){4}$" },
            ["apply"] = new JsonObject { ["type"] = "boolean" },
            ["enabled"] = new JsonObject { ["type"] = "boolean" },
            ["events"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["with"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = new JsonArray(spec.Parameters.Where(p => p.Required && p.Default is null).Select(p => (JsonNode?)p.Name).ToArray()),
                ["properties"] = new JsonObject(spec.Parameters.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Name, ParameterSchema(p)))),
            },
        },
    };

    private static JsonNode ParameterSchema(ParameterSpec parameter)
    {
        var schema = new JsonObject { ["description"] = parameter.Description };
        switch (parameter.Kind)
        {
            case ParameterKind.Integer:
                schema["type"] = "integer";
                break;
            case ParameterKind.Boolean:
                schema["type"] = "boolean";
                break;
            case ParameterKind.TextList:
                schema["type"] = "array";
                schema["items"] = new JsonObject { ["type"] = "string" };
                break;
            default:
                schema["type"] = "string";
                if (parameter.Choices is { } choices)
                {
                    schema["enum"] = new JsonArray(choices.Select(c => (JsonNode?)c).ToArray());
                }
                break;
        }
        return schema;
    }
}

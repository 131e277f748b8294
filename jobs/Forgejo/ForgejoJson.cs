using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Releng.Jobs.Forgejo;

/// <summary>Serializer settings for Forgejo's snake_case JSON; timestamps are RFC 3339 with an offset.</summary>
public static class ForgejoJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Refit settings for the Forgejo client: this JSON, and errors as <see cref="ForgejoException"/>.</summary>
    public static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(Options))
    {
        ExceptionFactory = ForgejoErrors.FromResponseAsync,
    };
}

using System.Text.Json;
using Refit;

namespace Releng.Jobs.Pagure;

/// <summary>Serializer settings for Pagure's snake_case JSON with epoch-second timestamps.</summary>
public static class PagureJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
        };
        options.Converters.Add(new PagureTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Refit settings shared by the Pagure clients: this JSON, and errors as <see cref="PagureException"/>.</summary>
    public static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(Options))
    {
        ExceptionFactory = PagureErrors.FromResponseAsync,
    };
}

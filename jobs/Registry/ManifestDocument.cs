using System.Text.Json;

namespace Releng.Jobs.Registry;

/// <summary>The parts of a manifest, index or manifest list the registry code needs, read from its JSON.</summary>
public sealed record ManifestDocument(
    string? MediaType,
    IReadOnlyList<PlatformManifest> Manifests,
    IReadOnlyDictionary<string, string> Annotations)
{
    public bool IsList => OciMediaTypes.IsList(MediaType);

    /// <exception cref="FormatException">Not a JSON object.</exception>
    public static ManifestDocument Parse(ReadOnlySpan<byte> content)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException("A manifest is not valid JSON.", e);
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A manifest is not a JSON object.");
            }
            var manifests = new List<PlatformManifest>();
            if (root.TryGetProperty("manifests", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    manifests.Add(new PlatformManifest(
                        ReadPlatform(entry),
                        String(entry, "digest") ?? throw new FormatException("An index entry has no digest."),
                        String(entry, "mediaType") ?? OciMediaTypes.ImageManifest,
                        entry.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0));
                }
            }
            return new ManifestDocument(MediaTypeOf(root), manifests, ReadAnnotations(root));
        }
    }

    /// <summary>The media type, also when the JSON leaves it out (OCI makes <c>mediaType</c> optional).</summary>
    public static string? ReadMediaType(ReadOnlySpan<byte> content)
    {
        try
        {
            using var json = JsonDocument.Parse(content.ToArray());
            return json.RootElement.ValueKind == JsonValueKind.Object ? MediaTypeOf(json.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? MediaTypeOf(JsonElement root) =>
        String(root, "mediaType")
        ?? (root.TryGetProperty("manifests", out _) ? OciMediaTypes.ImageIndex
            : root.TryGetProperty("config", out _) ? OciMediaTypes.ImageManifest
            : null);

    private static Platform? ReadPlatform(JsonElement entry) =>
        entry.TryGetProperty("platform", out var platform) && platform.ValueKind == JsonValueKind.Object
            ? new Platform(String(platform, "os") ?? "", String(platform, "architecture") ?? "", String(platform, "variant"))
            : null;

    private static Dictionary<string, string> ReadAnnotations(JsonElement root)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("annotations", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.String))
            {
                annotations[value.Name] = value.Value.GetString()!;
            }
        }
        return annotations;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

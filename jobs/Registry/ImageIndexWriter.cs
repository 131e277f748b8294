using System.Text.Encodings.Web;
using System.Text.Json;

namespace Releng.Jobs.Registry;

/// <summary>
/// Writes an OCI image index as compact JSON with a fixed field order, so the same images give the same bytes and
/// therefore the same index digest on every run. skopeo pushes these bytes unchanged (with
/// <c>--all --preserve-digests</c>); buildah would re-serialize them and change the digest.
/// </summary>
public static class ImageIndexWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // The default encoder writes '+' in media types as \u002B: valid, but not what any other tool writes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(IEnumerable<PlatformManifest> manifests, IReadOnlyDictionary<string, string>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", OciMediaTypes.ImageIndex);
            json.WriteStartArray("manifests");
            foreach (var manifest in manifests)
            {
                var platform = manifest.Platform
                    ?? throw new ArgumentException($"The index entry {manifest.Digest} has no platform.", nameof(manifests));
                json.WriteStartObject();
                json.WriteString("mediaType", manifest.MediaType);
                json.WriteString("digest", manifest.Digest);
                json.WriteNumber("size", manifest.Size);
                json.WriteStartObject("platform");
                json.WriteString("architecture", platform.Architecture);
                json.WriteString("os", platform.Os);
                if (platform.Variant is not null)
                {
                    json.WriteString("variant", platform.Variant);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (annotations is { Count: > 0 })
            {
                json.WriteStartObject("annotations");
                foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

using System.Text.Json;

namespace Releng.Jobs.Registry;

/// <summary>
/// Copies each platform's image into one local OCI layout and writes the image index over them. Staging first gives
/// the per-platform digests before anything is pushed (a docker archive only gets its manifest, and so its digest,
/// when skopeo converts it), which is what the "already published?" check compares.
/// </summary>
internal sealed class IndexStager(Skopeo skopeo)
{
    private const string IndexReference = "index";
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public async Task<StagedIndex> StageAsync(
        IReadOnlyList<ArchImage> images, IReadOnlyDictionary<string, string> annotations, RegistryAuthFile? auth,
        CancellationToken cancellationToken)
    {
        var work = skopeo.CreatePrivateDirectory("stage-");
        try
        {
            var layout = Path.Combine(work, "layout");
            var manifests = new List<PlatformManifest>();
            for (var i = 0; i < images.Count; i++)
            {
                manifests.Add(await StageImageAsync(layout, $"image-{i}", images[i], auth, cancellationToken));
            }
            var sorted = manifests
                .OrderBy(m => m.Platform!.Os, StringComparer.Ordinal)
                .ThenBy(m => m.Platform!.Architecture, StringComparer.Ordinal)
                .ThenBy(m => m.Platform!.Variant ?? "", StringComparer.Ordinal)
                .ToList();
            var index = ImageIndexWriter.Write(sorted, annotations);
            var indexDigest = await WriteBlobAsync(layout, index, cancellationToken);
            await WriteLayoutIndexAsync(layout, indexDigest, index.Length, cancellationToken);
            return new StagedIndex(work, ImageLocation.OciLayout(layout, IndexReference), indexDigest, sorted);
        }
        catch
        {
            Directory.Delete(work, recursive: true);
            throw;
        }
    }

    private async Task<PlatformManifest> StageImageAsync(
        string layout, string reference, ArchImage image, RegistryAuthFile? auth, CancellationToken cancellationToken)
    {
        var copy = new SkopeoCopy(image.Source, ImageLocation.OciLayout(layout, reference))
        {
            SelectPlatform = image.Platform,
            SourceAuth = image.Source.Transport == ImageTransport.Registry ? auth : null,
        };
        var digest = await skopeo.CopyAsync(copy, cancellationToken);
        var manifest = await ReadBlobAsync(layout, digest, cancellationToken);
        using var json = JsonDocument.Parse(manifest);
        var mediaType = json.RootElement.TryGetProperty("mediaType", out var type) ? type.GetString() : OciMediaTypes.ImageManifest;
        if (mediaType != OciMediaTypes.ImageManifest)
        {
            throw new RegistryPublishException($"{image.Source} did not stage as one OCI image manifest but as {mediaType}.");
        }
        var configDigest = json.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        await CheckPlatformAsync(layout, configDigest, image, cancellationToken);
        return new PlatformManifest(image.Platform, digest, OciMediaTypes.ImageManifest, manifest.Length);
    }

    // skopeo takes a single-image source as it is whatever --override-arch says, so an archive of the wrong
    // architecture would be published under the wrong platform; the image's own config says what it is.
    private static async Task CheckPlatformAsync(string layout, string configDigest, ArchImage image, CancellationToken cancellationToken)
    {
        using var config = JsonDocument.Parse(await ReadBlobAsync(layout, configDigest, cancellationToken));
        var os = config.RootElement.TryGetProperty("os", out var o) ? o.GetString() : null;
        var architecture = config.RootElement.TryGetProperty("architecture", out var a) ? a.GetString() : null;
        if (os != image.Platform.Os
            || Platform.NormalizeArchitecture(architecture ?? "") != Platform.NormalizeArchitecture(image.Platform.Architecture))
        {
            throw new RegistryPublishException(
                $"{image.Source} is an image for {os}/{architecture}, not for {image.Platform}; nothing was pushed.");
        }
    }

    private static async Task<byte[]> ReadBlobAsync(string layout, string digest, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(BlobPath(layout, digest), cancellationToken);
        return Digests.Sha256(content) == digest
            ? content
            : throw new RegistryPublishException($"The staged blob {digest} does not match its digest.");
    }

    private static async Task<string> WriteBlobAsync(string layout, byte[] content, CancellationToken cancellationToken)
    {
        var digest = Digests.Sha256(content);
        await File.WriteAllBytesAsync(BlobPath(layout, digest), content, cancellationToken);
        return digest;
    }

    // The nested form: index.json names one image index by ref name. Listing the per-platform manifests directly
    // makes skopeo refuse the layout ("more than one image in oci").
    private static async Task WriteLayoutIndexAsync(string layout, string indexDigest, long size, CancellationToken cancellationToken)
    {
        var layoutIndex = new
        {
            schemaVersion = 2,
            mediaType = OciMediaTypes.ImageIndex,
            manifests = new[]
            {
                new
                {
                    mediaType = OciMediaTypes.ImageIndex,
                    digest = indexDigest,
                    size,
                    annotations = new Dictionary<string, string> { [RefNameAnnotation] = IndexReference },
                },
            },
        };
        await File.WriteAllBytesAsync(Path.Combine(layout, "index.json"), JsonSerializer.SerializeToUtf8Bytes(layoutIndex), cancellationToken);
    }

    private static string BlobPath(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", Digests.Hex(digest));
}

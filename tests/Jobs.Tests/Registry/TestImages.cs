using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

/// <summary>One hand-made single-platform image: where it is and the digest of its manifest.</summary>
internal sealed record TestImage(Platform Platform, ImageLocation Location, string ManifestDigest, string Directory)
{
    public ArchImage ToArchImage() => new(Platform, Location);
}

/// <summary>
/// Builds tiny OCI images by hand (one gzip layer holding <c>hello.txt</c>, a config, a manifest) in an OCI layout,
/// with no container engine and no network. Layers are reproducible (fixed mtime, owner and mode) and every blob
/// is named by the sha256 of its exact bytes. A different <c>salt</c> gives a different image, i.e. a new build.
/// </summary>
internal static class TestImages
{
    public const string LayoutReference = "latest";

    public static TestImage WriteLayout(string directory, Platform platform, string salt = "", string? configArchitecture = null)
    {
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        var tar = Tar($"hello from {platform}{salt}\n");
        var layer = Gzip(tar);
        var layerDigest = WriteBlob(directory, layer);

        var config = new Dictionary<string, object>
        {
            ["architecture"] = configArchitecture ?? platform.Architecture,
            ["os"] = platform.Os,
            ["config"] = new { Cmd = new[] { "/hello" } },
            ["rootfs"] = new { type = "layers", diff_ids = new[] { Digests.Sha256(tar) } },
        };
        if (platform.Variant is not null)
        {
            config["variant"] = platform.Variant;
        }
        var configBytes = JsonSerializer.SerializeToUtf8Bytes(config);
        var configDigest = WriteBlob(directory, configBytes);

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.ImageManifest,
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, configBytes.Length),
            ["layers"] = new[] { Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layerDigest, layer.Length) },
        });
        var manifestDigest = WriteBlob(directory, manifest);

        var layoutIndex = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["mediaType"] = OciMediaTypes.ImageManifest,
                    ["digest"] = manifestDigest,
                    ["size"] = manifest.Length,
                    ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = LayoutReference },
                },
            },
        };
        File.WriteAllBytes(Path.Combine(directory, "index.json"), JsonSerializer.SerializeToUtf8Bytes(layoutIndex));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        return new TestImage(platform, ImageLocation.OciLayout(directory, LayoutReference), manifestDigest, directory);
    }

    /// <summary>The layout as a tarball, the shape of a kiwi <c>.oci.tar</c> image archive from Koji.</summary>
    public static TestImage WriteOciArchive(string directory, Platform platform, string salt = "")
    {
        var image = WriteLayout(Path.Combine(directory, "layout"), platform, salt);
        var archive = Path.Combine(directory, $"Fedora-Container-Base-Generic-44-1.1.{platform.Architecture}.oci.tar");
        TarFile.CreateFromDirectory(image.Directory, archive, includeBaseDirectory: false);
        return image with { Location = ImageLocation.KojiImageArchive(archive) };
    }

    private static object Descriptor(string mediaType, string digest, int size) =>
        new Dictionary<string, object> { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    private static byte[] Tar(string content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var entry = new UstarTarEntry(TarEntryType.RegularFile, "hello.txt")
            {
                DataStream = new MemoryStream(bytes),
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                Uid = 0,
                Gid = 0,
            };
            writer.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return buffer.ToArray();
    }

    private static string WriteBlob(string directory, byte[] content)
    {
        var digest = Digests.Sha256(content);
        File.WriteAllBytes(Path.Combine(directory, "blobs", "sha256", Digests.Hex(digest)), content);
        return digest;
    }
}

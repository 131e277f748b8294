using System.Text;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Sandbox.Registry;

/// <summary>
/// How the sandbox names images without having any: a per-arch manifest digest is derived from the Koji archive's
/// file name (which holds the NVR and arch), and the index is the real OCI index bytes over those entries, so the
/// same build always gets the same digests and another build other ones.
/// </summary>
internal static class SandboxImages
{
    public const long ManifestSize = 401;
    public const string BuildAnnotation = "org.opencontainers.image.version";

    public static string ManifestDigest(string archiveFileName) =>
        Digests.Sha256(Encoding.UTF8.GetBytes("sandbox image manifest of " + archiveFileName));

    public static SandboxIndex Index(IEnumerable<PlatformManifest> manifests, IReadOnlyDictionary<string, string> annotations)
    {
        var sorted = manifests
            .OrderBy(m => m.Platform!.Os, StringComparer.Ordinal)
            .ThenBy(m => m.Platform!.Architecture, StringComparer.Ordinal)
            .ThenBy(m => m.Platform!.Variant ?? "", StringComparer.Ordinal)
            .ToList();
        var bytes = ImageIndexWriter.Write(sorted, annotations);
        return new SandboxIndex(Digests.Sha256(bytes), sorted, annotations);
    }
}

internal sealed record SandboxIndex(string Digest, IReadOnlyList<PlatformManifest> Manifests, IReadOnlyDictionary<string, string> Annotations);

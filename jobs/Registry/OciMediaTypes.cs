namespace Releng.Jobs.Registry;

/// <summary>Manifest media types the registry code reads and writes.</summary>
public static class OciMediaTypes
{
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>
    /// Every type at once, for an HTTP <c>Accept</c> header: registry 2.8 answers 404 for OCI content whose type is
    /// missing from <c>Accept</c>, and rewrites Docker content to schema 1 (another digest) when its type is missing.
    /// </summary>
    public const string AcceptAll = ImageIndex + ", " + ImageManifest + ", " + DockerManifestList + ", " + DockerManifest;

    public static bool IsList(string? mediaType) => mediaType is ImageIndex or DockerManifestList;
}

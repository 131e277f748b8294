namespace Releng.Jobs.Registry;

/// <summary>A manifest or index exactly as the registry stores it, with its digest (the sha256 of those bytes).</summary>
public sealed record RawManifest(byte[] Content, string Digest, string? MediaType)
{
    public static RawManifest FromBytes(byte[] content) =>
        new(content, Digests.Sha256(content), ManifestDocument.ReadMediaType(content));
}

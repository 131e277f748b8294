namespace Releng.Jobs.Registry;

/// <summary>What a tag points to right now.</summary>
/// <param name="Tag">The tag that was read.</param>
/// <param name="Digest">The digest of the manifest or index the tag points to.</param>
/// <param name="MediaType">Its media type; an OCI index or Docker manifest list for a multi-arch image.</param>
/// <param name="Manifests">The per-platform manifests of an index or list; empty for a single-image tag.</param>
/// <param name="Annotations">The index's annotations, e.g. which build it was made from.</param>
public sealed record TagState(
    ImageReference Tag,
    string Digest,
    string? MediaType,
    IReadOnlyList<PlatformManifest> Manifests,
    IReadOnlyDictionary<string, string> Annotations)
{
    public bool IsIndex => OciMediaTypes.IsList(MediaType);

    /// <summary>
    /// Whether the tag is an index of exactly these platforms with exactly these manifest digests, whatever the index's
    /// own bytes (entry order, annotations). Such a tag needs no push.
    /// </summary>
    public bool HasSameImagesAs(IEnumerable<PlatformManifest> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        if (!IsIndex)
        {
            return false;
        }
        var wanted = manifests.Select(Key).ToHashSet();
        var current = Manifests.Select(Key).ToList();
        return current.Count == wanted.Count && current.All(wanted.Contains);
    }

    private static (string Os, string Architecture, string Variant, string Digest) Key(PlatformManifest manifest) =>
        (manifest.Platform?.Os ?? "",
         Platform.NormalizeArchitecture(manifest.Platform?.Architecture ?? ""),
         manifest.Platform?.Variant ?? "",
         manifest.Digest);
}

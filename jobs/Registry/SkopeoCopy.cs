namespace Releng.Jobs.Registry;

/// <summary>Which images of a multi-arch source a copy takes.</summary>
public enum CopyScope
{
    /// <summary>
    /// One image. From an index, skopeo picks the one matching <see cref="SkopeoCopy.SelectPlatform"/> (or this host's
    /// platform when unset) and writes it as a single manifest.
    /// </summary>
    SingleImage,

    /// <summary>
    /// The index and every image in it (<c>--all</c>, same as <c>--multi-arch=all</c>). Without it skopeo 1.9 silently
    /// copies only the host's architecture. (<c>--multi-arch=index-only</c> is not offered: registry 2.8 rejects an
    /// index whose images it does not hold yet.)
    /// </summary>
    AllImages,
}

/// <summary>One <c>skopeo copy</c>.</summary>
public sealed record SkopeoCopy(ImageLocation Source, ImageLocation Destination)
{
    public CopyScope Scope { get; init; } = CopyScope.SingleImage;

    /// <summary>
    /// Fail instead of converting anything (<c>--preserve-digests</c>), so the digests that arrive are the digests sent.
    /// Leave off when staging a docker archive, whose layers must be compressed on the way.
    /// </summary>
    public bool PreserveDigests { get; init; }

    /// <summary>The platform to pick from a multi-arch source when copying a single image.</summary>
    public Platform? SelectPlatform { get; init; }

    /// <summary>Credentials for a registry source (<c>--src-authfile</c>).</summary>
    public RegistryAuthFile? SourceAuth { get; init; }

    /// <summary>Credentials for a registry destination (<c>--dest-authfile</c>).</summary>
    public RegistryAuthFile? DestinationAuth { get; init; }
}

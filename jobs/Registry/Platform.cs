namespace Releng.Jobs.Registry;

/// <summary>
/// The platform of one image in an index, in OCI/Go terms (<c>linux/amd64</c>, <c>linux/arm64/v8</c>).
/// </summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>Maps a Koji/RPM architecture to the platform Fedora's indexes use (no variant, like Fedora's own lists).</summary>
    /// <exception cref="ArgumentException">An architecture Fedora ships no container image for.</exception>
    public static Platform FromKojiArch(string kojiArch) => kojiArch switch
    {
        "x86_64" => new("linux", "amd64"),
        "aarch64" => new("linux", "arm64"),
        "ppc64le" => new("linux", "ppc64le"),
        "s390x" => new("linux", "s390x"),
        "armhfp" => new("linux", "arm", "v7"),
        _ => throw new ArgumentException($"No container platform is known for the Koji architecture '{kojiArch}'.", nameof(kojiArch)),
    };

    /// <summary>
    /// Architecture names in Go form, so an image config written with RPM names (<c>x86_64</c>, <c>aarch64</c>) still
    /// compares equal to the platform it is published for.
    /// </summary>
    public static string NormalizeArchitecture(string architecture) => architecture switch
    {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "armhfp" or "armv7hl" => "arm",
        _ => architecture,
    };

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}

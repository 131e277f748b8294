using System.Globalization;

namespace Releng.Jobs.BaseImage;

/// <summary>One image the rebuild job watches, from its jobs.yaml entry.</summary>
/// <param name="Image">Koji package of the image builds, e.g. <c>Fedora-Container-Base-Generic</c>.</param>
/// <param name="Tag">The content tag its packages come from: <c>f43-updates</c>, or the rawhide tag <c>f44</c>.</param>
/// <param name="Target">The build target; its build tag's repo feeds the build, its destination tag receives it.</param>
/// <param name="Release">The Fedora release, e.g. <c>44</c>; a number becomes the kiwi image version.</param>
/// <param name="Profile">The kiwi profile, e.g. <c>Container-Base-Generic</c>.</param>
/// <param name="Arches">Arches to build; empty means those of the current image build.</param>
/// <param name="WaitMinutes">How long a started build is followed; 0 starts it and returns.</param>
public sealed record BaseImageRebuildOptions(
    string Image,
    string Tag,
    string Target,
    string Release,
    bool Force,
    string Profile,
    string DescriptionUrl,
    string DescriptionPath,
    IReadOnlyList<string> Arches,
    int WaitMinutes)
{
    public const string DefaultDescriptionUrl = "git+https://pagure.io/fedora-kiwi-descriptions.git#rawhide";
    public const string DefaultDescriptionPath = "Fedora.kiwi";
    public const int DefaultWaitMinutes = 0;

    /// <summary>The arches Fedora ships container images for.</summary>
    public static IReadOnlyList<string> FedoraArches { get; } = ["aarch64", "ppc64le", "s390x", "x86_64"];

    public string? Version => int.TryParse(Release, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? Release : null;

    /// <summary>Kiwi names builds "Fedora-" plus the profile, so the profile is the image name without it.</summary>
    public static string DefaultProfile(string image) =>
        image.StartsWith("Fedora-", StringComparison.Ordinal) ? image["Fedora-".Length..] : image;
}

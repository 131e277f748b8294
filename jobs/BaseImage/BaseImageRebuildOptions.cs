using System.Globalization;
using Releng.Jobs.Bodhi;

namespace Releng.Jobs.BaseImage;

/// <summary>One image the rebuild job watches, from its jobs.yaml entry.</summary>
/// <param name="Image">Koji package of the image builds, e.g. <c>Fedora-Container-Base-Generic</c>.</param>
/// <param name="Tag">The content tag its packages come from: <c>f45-updates</c>, or the rawhide tag <c>f46</c>; or by release name, <c>{latest-stable}-updates</c>.</param>
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

    /// <summary>Whether a value names a release (<c>{rawhide}</c>, <c>{latest-stable.version}</c>, …) to resolve from Bodhi.</summary>
    public bool MentionsReleaseNames => new[] { Tag, Target, Release, DescriptionUrl, DescriptionPath, Image, Profile }.Any(ReleaseNames.Mentions);

    /// <summary>The options with every release name replaced; null when a name stands for no release now (<paramref name="missing"/>).</summary>
    public BaseImageRebuildOptions? Expand(ReleaseNames names, ICollection<ReleaseNameUse> uses, out string? missing)
    {
        string? unresolved = null;
        string Resolve(string text)
        {
            if (unresolved is not null)
            {
                return text;
            }
            var expanded = names.Expand(text, uses, out var name);
            unresolved = name;
            return expanded ?? text;
        }
        var options = this with
        {
            Tag = Resolve(Tag), Target = Resolve(Target), Release = Resolve(Release), DescriptionUrl = Resolve(DescriptionUrl),
            DescriptionPath = Resolve(DescriptionPath), Image = Resolve(Image), Profile = Resolve(Profile),
        };
        missing = unresolved;
        return unresolved is null ? options : null;
    }

    /// <summary>Kiwi names builds "Fedora-" plus the profile, so the profile is the image name without it.</summary>
    public static string DefaultProfile(string image) =>
        image.StartsWith("Fedora-", StringComparison.Ordinal) ? image["Fedora-".Length..] : image;
}

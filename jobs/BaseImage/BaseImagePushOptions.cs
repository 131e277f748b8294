using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>One image the push job publishes, from its jobs.yaml entry.</summary>
/// <param name="Destinations">Each registry joined with the repository, e.g. <c>quay.io/fedora/fedora</c>.</param>
/// <param name="TopUrl">Koji's file root; image archives are under <c>packages/&lt;name&gt;/&lt;version&gt;/&lt;release&gt;/images/</c>.</param>
public sealed record BaseImagePushOptions(
    string Image,
    string Target,
    IReadOnlyList<RepositoryReference> Destinations,
    IReadOnlyList<string> Tags,
    Uri TopUrl)
{
    public const string DefaultTopUrl = "https://kojipkgs.fedoraproject.org/";
}

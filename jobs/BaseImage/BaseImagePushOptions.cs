using Releng.Jobs.Bodhi;
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

    public bool MentionsReleaseNames => ReleaseNames.Mentions(Target) || ReleaseNames.Mentions(Image) || Tags.Any(ReleaseNames.Mentions);

    /// <summary>The options with every release name replaced; null when a name stands for no release now (<paramref name="missing"/>).</summary>
    public BaseImagePushOptions? Expand(ReleaseNames names, ICollection<ReleaseNameUse> uses, out string? missing)
    {
        var values = new[] { Target, Image }.Concat(Tags).Select(text => names.Expand(text, uses, out var name) is { } value ? (value, name) : (text, name)).ToList();
        missing = values.Select(v => v.name).FirstOrDefault(n => n is not null);
        if (missing is not null)
        {
            return null;
        }
        var tags = values.Skip(2).Select(v => v.Item1).Distinct(StringComparer.Ordinal).ToList();
        foreach (var tag in tags)
        {
            _ = Destinations[0].WithTag(tag); // a resolved tag must be a valid image tag too
        }
        return this with { Target = values[0].Item1, Image = values[1].Item1, Tags = tags };
    }
}

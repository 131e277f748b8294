using Releng.Jobs.Configuration;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>One image the push job publishes, from its jobs.yaml entry.</summary>
/// <param name="Destinations">Each registry joined with the repository, e.g. <c>quay.io/fedora/fedora</c>.</param>
/// <param name="TopUrl">Koji's file root; image archives are under <c>packages/&lt;name&gt;/&lt;version&gt;/&lt;release&gt;/images/</c>.</param>
public sealed record PushSettings(
    string Image,
    string Target,
    IReadOnlyList<RepositoryReference> Destinations,
    IReadOnlyList<string> Tags,
    Uri TopUrl)
{
    public static PushSettings From(JobParameters parameters)
    {
        var repository = parameters.Text("repository").Trim('/');
        var destinations = new List<RepositoryReference>();
        foreach (var registry in parameters.TextList("registries"))
        {
            try
            {
                destinations.Add(RepositoryReference.Parse($"{registry.TrimEnd('/')}/{repository}"));
            }
            catch (FormatException e)
            {
                throw new ConfigurationException("jobs.yaml", 0, 0, $"base-image-push: registry '{registry}' with repository '{repository}': {e.Message}");
            }
        }
        var tags = parameters.TextList("tags");
        if (destinations.Count == 0 || tags.Count == 0)
        {
            throw new ConfigurationException("jobs.yaml", 0, 0, "base-image-push needs at least one registry and one tag");
        }
        foreach (var tag in tags)
        {
            try
            {
                _ = destinations[0].WithTag(tag);
            }
            catch (FormatException e)
            {
                throw new ConfigurationException("jobs.yaml", 0, 0, $"base-image-push: {e.Message}");
            }
        }
        var topUrl = parameters.Text("topurl");
        return new PushSettings(parameters.Text("image"), parameters.Text("target"), destinations, tags,
            new Uri(topUrl.EndsWith('/') ? topUrl : topUrl + "/"));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Configuration;
using Releng.Jobs.Http;
using Releng.Jobs.Planning;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>The <c>base-image-push</c> task: its parameters, secrets and services, and the binder of <see cref="BaseImagePushOptions"/>.</summary>
public sealed class BaseImagePushDescriptor : JobDescriptor<BaseImagePushOptions>
{
    public const string Name = "base-image-push";

    public override string Task => Name;

    public override string Description => "Push the latest image build to the registries once a week";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("image", ParameterKind.Text, "Koji package name of the image", Required: true),
        new("target", ParameterKind.Text, "Koji build target of the image build; its destination tag holds the builds; e.g. {latest-stable}-container", Required: true),
        new("repository", ParameterKind.Text, "Repository in each registry, e.g. fedora", Required: true),
        new("registries", ParameterKind.TextList, "Registries to push to, e.g. quay.io/fedora and registry.fedoraproject.org", Required: true),
        new("tags", ParameterKind.TextList, "Tags to publish the multi-arch index under, e.g. {latest-stable.version} and latest", Required: true),
        new("topurl", ParameterKind.Text, "Where Koji serves build files (packages/<name>/<version>/<release>/images/)",
            Default: BaseImagePushOptions.DefaultTopUrl),
    ];

    /// <summary>REGISTRY_USER/REGISTRY_PASSWORD (push to the registries; Koji is only read).</summary>
    public override IReadOnlyList<string> Secrets { get; } = ["REGISTRY_USER", "REGISTRY_PASSWORD"];

    /// <summary>
    /// The shared pair, then each registry's own (<see cref="Secrets.RegistryLogins"/>: <c>REGISTRY_&lt;NAME&gt;_USER</c>,
    /// <c>_PASSWORD</c>, <c>_AUTH_FILE</c>) for the registries the entry pushes to. A secret that is not defined reaches
    /// the run as an empty variable, which counts as unset, so the shared pair stays the fallback.
    /// </summary>
    public override IReadOnlyList<string> SecretsOf(JobDefinition job)
    {
        var parameters = new JobParameters(Spec, job.With);
        var hosts = parameters.TextList("registries")
            .Select(registry => registry.Trim().TrimEnd('/').Split('/')[0])
            .Where(host => host.Length > 0)
            .Distinct(StringComparer.Ordinal);
        return [.. Secrets, .. hosts.SelectMany(host => Releng.Jobs.Secrets.RegistryLogins.VariablesOf(host))];
    }

    public override int TimeoutMinutes => 90;

    /// <summary>skopeo copies the images; .ci/install-tools.sh makes sure it is there.</summary>
    public override bool InstallsTools => true;

    public override string Documentation => "docs/jobs/base-image.md";

    /// <summary>
    /// Registers the <c>kojipkgs</c> HttpClient (releng policy) and <see cref="IKojiImageFiles"/> downloading from it.
    /// The sandbox replaces <see cref="IKojiImageFiles"/> with a stand-in.
    /// </summary>
    public override void AddServices(IServiceCollection services, HttpOptions http)
    {
        services.AddHttpClient(KojiImageDownloader.HttpClientName).AddRelengPolicy(http);
        services.TryAddSingleton<IKojiImageFiles>(sp => new KojiImageDownloader(sp.GetRequiredService<IHttpClientFactory>()));
    }

    public override BaseImagePushOptions Bind(JobRequest request)
    {
        var parameters = request.Parameters;
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
                throw parameters.Error("registries", $"base-image-push: registry '{registry}' with repository '{repository}': {e.Message}");
            }
        }
        var tags = parameters.TextList("tags");
        if (destinations.Count == 0 || tags.Count == 0)
        {
            throw parameters.Error(destinations.Count == 0 ? "registries" : "tags", "base-image-push needs at least one registry and one tag");
        }
        // A tag naming a release ({rawhide.version}) is checked once the name is resolved.
        foreach (var tag in tags.Where(t => !Releng.Jobs.Bodhi.ReleaseNames.Mentions(t)))
        {
            try
            {
                _ = destinations[0].WithTag(tag);
            }
            catch (FormatException e)
            {
                throw parameters.Error("tags", $"base-image-push: {e.Message}");
            }
        }
        var topUrl = parameters.Text("topurl");
        return new BaseImagePushOptions(parameters.Text("image"), parameters.Text("target"), destinations, tags,
            new Uri(topUrl.EndsWith('/') ? topUrl : topUrl + "/"));
    }
}

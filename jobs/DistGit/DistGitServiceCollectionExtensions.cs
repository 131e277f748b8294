using Microsoft.Extensions.DependencyInjection;
using Refit;
using Releng.Jobs.Http;
using Releng.Jobs.Pagure;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.DistGit;

public static class DistGitServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDistGit"/> (Pagure API of <see cref="ServiceEndpoints.DistGit"/>, authenticated with
    /// <c>DISTGIT_TOKEN</c> when present) and <see cref="GitClient"/> (clones from <see cref="ServiceEndpoints.DistGitGit"/>).
    /// </summary>
    public static IServiceCollection AddDistGit(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpSettings? http = null)
    {
        var settings = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(PagureJson.Options) };
        services.AddRefitGeneratedClient<IPagureDistGitApi>(settings, ServiceName.DistGit)
            .ConfigureHttpClient(c => c.BaseAddress = endpoints.DistGit)
            .AddHttpMessageHandler(() => new PagureTokenHandler(credentials.DistGitToken))
            .AddRelengPolicy(http);
        services.AddSingleton<IDistGit>(sp => new PagureDistGit(sp.GetRequiredService<IPagureDistGitApi>(), endpoints.DistGit));
        // Commits are dated by the environment's clock, so the sandbox's reverts carry the scenario's time.
        services.AddSingleton(sp => new GitClientOptions(endpoints.DistGitGit)
        {
            PushToken = credentials.DistGitToken,
            Clock = sp.GetService<TimeProvider>(),
        });
        services.AddSingleton<GitClient>();
        return services;
    }
}

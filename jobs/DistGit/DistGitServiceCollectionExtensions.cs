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
    /// <c>DISTGIT_TOKEN</c> when present) and <see cref="GitClient"/> (clones from <see cref="ServiceEndpoints.DistGitGit"/>;
    /// pushes over HTTPS with the token as its own account, or over SSH with <c>DISTGIT_SSH_KEY</c> and the pinned
    /// <c>DISTGIT_SSH_KNOWN_HOSTS</c>).
    /// </summary>
    public static IServiceCollection AddDistGit(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null)
    {
        var settings = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(PagureJson.Options) };
        services.AddRefitGeneratedClient<IPagureDistGitApi>(settings, ServiceName.DistGit)
            .ConfigureHttpClient(c => c.BaseAddress = endpoints.DistGit)
            .AddHttpMessageHandler(() => new PagureTokenHandler(credentials.DistGitToken))
            .AddHttpMessageHandler(() => new RequestMarksHandler([PagureWhoAmI.Path], [PagureDistGit.NewProjectPath]))
            .AddRelengPolicy(http);
        services.AddSingleton<IDistGit>(sp => new PagureDistGit(sp.GetRequiredService<IPagureDistGitApi>(), endpoints.DistGit));
        // Commits are dated by the environment's clock, so the sandbox's reverts carry the scenario's time.
        // Pushes go out as the token's own account (whoami), asked once and only when a push needs it.
        services.AddSingleton(sp =>
        {
            var distGit = sp.GetRequiredService<IDistGit>();
            var pushUser = new Lazy<Task<string>>(() => distGit.WhoAmIAsync());
            return new GitClientOptions(endpoints.DistGitGit)
            {
                PushToken = credentials.DistGitToken,
                PushUserLookup = credentials.DistGitToken is null ? null : ct => pushUser.Value.WaitAsync(ct),
                SshKey = credentials.DistGitSshKey,
                SshKnownHosts = credentials.DistGitSshKnownHosts,
                Clock = sp.GetService<TimeProvider>(),
            };
        });
        services.AddSingleton<GitClient>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Refit;
using Releng.Jobs.Http;
using Releng.Jobs.Pagure;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.DistGit;

public static class DistGitRegistration
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
        services.AddSingleton(new GitClientOptions(endpoints.DistGitGit) { PushToken = credentials.DistGitToken });
        services.AddSingleton<GitClient>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Octokit;
using Releng.Jobs.Http;
using Releng.Jobs.Services;
using Credentials = Releng.Jobs.Secrets.Credentials;

namespace Releng.Jobs.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGitHubClient"/> (token from <c>GITHUB_TOKEN</c>, base URL from
    /// <see cref="ServiceEndpoints.GitHub"/>, the project's HTTP policy underneath), <see cref="WorkflowDispatcher"/>
    /// and <see cref="RunHistory"/>.
    /// </summary>
    public static IServiceCollection AddGitHub(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions http)
    {
        services.AddHttpClient(ServiceName.GitHub).AddRelengPolicy(http);
        services.AddSingleton(provider =>
        {
            var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
            return GitHubClientFactory.Create(endpoints.GitHub, credentials.GitHubToken, () => handlers.CreateHandler(ServiceName.GitHub));
        });
        services.AddSingleton<WorkflowDispatcher>();
        services.AddSingleton<RunHistory>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.GitHub;
using Releng.Jobs.Http;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Services;

/// <summary>Registers every service client for one environment. Each service folder adds its own registration here.</summary>
public static class ServiceClients
{
    public static IServiceCollection AddServiceClients(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpSettings? http = null)
    {
        http ??= HttpSettings.Default;
        services.AddSingleton(endpoints);
        services.AddSingleton(credentials);
        services.AddSingleton(http);
        services.AddGitHub(endpoints, credentials, http);
        return services;
    }
}

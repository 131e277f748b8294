using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.Configuration;
using Releng.Jobs.DistGit;
using Releng.Jobs.Forgejo;
using Releng.Jobs.GitHub;
using Releng.Jobs.Http;
using Releng.Jobs.Registry;
using Releng.Jobs.Pagure;
using Releng.Jobs.Koji;
using Releng.Jobs.Secrets;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.Services;

/// <summary>
/// Registers every service client for one environment (each service folder adds its own registration here), then
/// each job's own services from its descriptor.
/// </summary>
public static class ServiceClients
{
    public static IServiceCollection AddServiceClients(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null)
    {
        http ??= HttpOptions.Default;
        services.AddSingleton(endpoints);
        services.AddSingleton(credentials);
        services.AddSingleton(http);
        services.AddHttpClient("probe").AddRelengPolicy(http with { MaxRetries = 0 });
        services.AddSingleton<ServiceProbe>();
        services.AddRegistry(credentials);
        services.AddBugzilla(endpoints, credentials, http);
        services.AddBodhi(endpoints, http);
        services.AddPagure(endpoints, credentials, http);
        if (endpoints.Forge is { } forge)
        {
            services.AddForgejo(new ForgejoTrackerSettings(forge), credentials.ForgeToken, http);
        }
        services.AddSingleton<TicketTrackers>();
        services.AddDistGit(endpoints, credentials, http);
        services.AddKoji(endpoints, credentials, http);
        services.AddGitHub(endpoints, credentials, http);
        services.AddAccounts(endpoints, credentials, http);
        foreach (var job in JobDescriptors.All)
        {
            job.AddServices(services, http);
        }
        return services;
    }
}

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
    /// <param name="concurrency">Requests in flight at once per service (jobs.yaml <c>services.&lt;env&gt;.concurrency</c>); others keep <paramref name="http"/>'s bound.</param>
    public static IServiceCollection AddServiceClients(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null,
        IReadOnlyDictionary<string, int>? concurrency = null)
    {
        http ??= HttpOptions.Default;
        var bounds = new ServiceBounds(concurrency ?? new Dictionary<string, int>(), http.MaxConcurrency);
        HttpOptions For(string service) => http with { MaxConcurrency = bounds.For(service) };

        services.AddSingleton(bounds);
        services.AddSingleton(endpoints);
        services.AddSingleton(credentials);
        services.AddSingleton(http);
        services.AddHttpClient("probe").AddRelengPolicy(http with { MaxRetries = 0 });
        services.AddSingleton<ServiceProbe>();
        services.AddRegistry(credentials);
        services.AddBugzilla(endpoints, credentials, For(ServiceName.Bugzilla));
        services.AddBodhi(endpoints, For(ServiceName.Bodhi));
        services.AddPagure(endpoints, credentials, For(ServiceName.Pagure));
        if (endpoints.Forge is { } forge)
        {
            services.AddForgejo(new ForgejoTrackerSettings(forge), credentials.ForgeToken, For(ServiceName.Forge));
        }
        services.AddSingleton<TicketTrackers>();
        services.AddDistGit(endpoints, credentials, For(ServiceName.DistGit));
        services.AddKoji(endpoints, credentials, For(ServiceName.Koji));
        services.AddGitHub(endpoints, credentials, For(ServiceName.GitHub));
        services.AddAccounts(endpoints, credentials, For(ServiceName.Fasjson));
        foreach (var job in JobDescriptors.All)
        {
            job.AddServices(services, http);
        }
        return services;
    }
}

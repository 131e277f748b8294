using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;
using Releng.Jobs.Accounts.Fasjson;
using Releng.Jobs.Http;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IAccountDirectory"/>: FASJSON with Kerberos (HTTP Negotiate) when the environment has a
    /// FASJSON address and the Kerberos credentials are present; otherwise <see cref="UnavailableAccountDirectory"/>,
    /// whose every answer leaves the ticket for a person and says why.
    /// </summary>
    /// <param name="kerberos">What the process was started with; read from the process when not given.</param>
    public static IServiceCollection AddAccounts(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null,
        KerberosEnvironment? kerberos = null)
    {
        if (endpoints.Fasjson is null)
        {
            services.TryAddSingleton<IAccountDirectory>(new UnavailableAccountDirectory());
            return services;
        }
        var problem = (kerberos ?? KerberosEnvironment.FromProcess()).Problem(credentials);
        if (problem is null)
        {
            return services.AddFasjsonAccounts(negotiate: true, http);
        }
        var reason = $"cannot verify Fedora accounts: FASJSON needs Kerberos and {problem}";
        services.TryAddSingleton<IAccountDirectory>(new UnavailableAccountDirectory(reason));
        return services;
    }

    /// <summary>
    /// The FASJSON directory at <see cref="ServiceEndpoints.Fasjson"/> (the site, e.g. <c>https://fasjson.fedoraproject.org/</c>),
    /// bounded and retried like every service. Without <paramref name="negotiate"/> no credentials are sent (the
    /// sandbox's FASJSON). Replaces any directory registered before.
    /// </summary>
    public static IServiceCollection AddFasjsonAccounts(this IServiceCollection services, bool negotiate, HttpOptions? http = null)
    {
        static Uri Root(IServiceProvider sp)
        {
            var root = sp.GetRequiredService<ServiceEndpoints>().Fasjson
                ?? throw new InvalidOperationException("the environment has no FASJSON address");
            return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        }
        var client = services
            .AddRefitGeneratedClient<IFasjsonApi>(new RefitSettings(new SystemTextJsonContentSerializer(FasjsonJson.Options)), ServiceName.Fasjson)
            .ConfigureHttpClient((sp, c) => c.BaseAddress = Root(sp));
        if (negotiate)
        {
            client.ConfigurePrimaryHttpMessageHandler(sp => NegotiateHandler.Create(Root(sp)))
                .AddHttpMessageHandler(() => new KerberosServiceNameHandler());
        }
        client.AddRelengPolicy(http);
        // One directory per environment, and an environment per run: the answers are cached for exactly the run.
        services.Replace(ServiceDescriptor.Singleton<IAccountDirectory>(sp => new FasjsonAccountDirectory(sp.GetRequiredService<IFasjsonApi>(), Root(sp))));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Http;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.Koji;

public static class KojiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named HttpClient <c>koji</c> (releng policy; client certificate when <c>KOJI_CLIENT_CERT</c> is
    /// set) and <see cref="IKojiClient"/> for the hub at <see cref="ServiceEndpoints.Koji"/>.
    /// </summary>
    public static IServiceCollection AddKoji(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpSettings? http = null)
    {
        services.AddHttpClient(ServiceName.Koji)
            .ConfigurePrimaryHttpMessageHandler(() => KojiClientCertificate.CreateHandler(credentials.KojiClientCert))
            .AddRelengPolicy(http);
        services.TryAddSingleton(KojiClientOptions.Default);
        services.AddSingleton<IKojiClient>(provider => new KojiClient(
            provider.GetRequiredService<IHttpClientFactory>(), endpoints.Koji, credentials,
            provider.GetRequiredService<KojiClientOptions>()));
        return services;
    }
}

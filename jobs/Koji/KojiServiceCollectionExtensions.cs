using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Http;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.Koji;

public static class KojiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named HttpClient <c>koji</c> (releng policy; client certificate when <c>KOJI_CLIENT_CERT</c> is
    /// set; HTTP Negotiate for <c>/ssllogin</c> when the Kerberos pair is) and <see cref="IKojiClient"/> for the hub at
    /// <see cref="ServiceEndpoints.Koji"/>.
    /// </summary>
    public static IServiceCollection AddKoji(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null)
    {
        var client = services.AddHttpClient(ServiceName.Koji)
            .ConfigurePrimaryHttpMessageHandler(() => credentials.HasKerberos
                // Negotiate only for the login URL: the rest of the hub is unauthenticated, and the session headers do the rest.
                ? NegotiateHandler.Create(KojiClient.SslLoginUrlOf(endpoints.Koji), KojiClientCertificate.CreateHandler(credentials.KojiClientCert))
                : KojiClientCertificate.CreateHandler(credentials.KojiClientCert));
        if (credentials.HasKerberos)
        {
            client.AddHttpMessageHandler(() => new KerberosServiceNameHandler());
        }
        client.AddRelengPolicy(http);
        services.TryAddSingleton(KojiClientOptions.Default);
        services.AddSingleton<IKojiClient>(provider => new KojiClient(
            provider.GetRequiredService<IHttpClientFactory>(), endpoints.Koji, credentials,
            provider.GetRequiredService<KojiClientOptions>()));
        return services;
    }
}

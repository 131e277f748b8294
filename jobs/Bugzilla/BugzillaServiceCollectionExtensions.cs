using Microsoft.Extensions.DependencyInjection;
using Refit;
using Releng.Jobs.Http;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.Bugzilla;

public static class BugzillaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBugzilla"/> for <see cref="ServiceEndpoints.Bugzilla"/> (the site root, e.g.
    /// <c>https://bugzilla.redhat.com/</c>), authenticated with <see cref="Credentials.BugzillaApiKey"/> when set.
    /// </summary>
    public static IServiceCollection AddBugzilla(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null)
    {
        var baseAddress = WithTrailingSlash(endpoints.Bugzilla);
        services
            .AddRefitGeneratedClient<IBugzillaApi>(new RefitSettings(new SystemTextJsonContentSerializer(BugzillaJson.Options)),
                ServiceName.Bugzilla)
            .ConfigureHttpClient(c => c.BaseAddress = baseAddress)
            .AddHttpMessageHandler(() => new BugzillaApiKeyHandler(credentials.BugzillaApiKey))
            .AddRelengPolicy(http);
        services.AddTransient<IBugzilla>(sp => new BugzillaClient(sp.GetRequiredService<IBugzillaApi>(), baseAddress,
            authenticated: credentials.BugzillaApiKey is not null));
        return services;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

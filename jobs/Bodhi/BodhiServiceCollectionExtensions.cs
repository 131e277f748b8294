using Microsoft.Extensions.DependencyInjection;
using Refit;
using Releng.Jobs.Http;
using Releng.Jobs.Services;

namespace Releng.Jobs.Bodhi;

public static class BodhiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IBodhi"/> for <see cref="ServiceEndpoints.Bodhi"/> (e.g. <c>https://bodhi.fedoraproject.org/</c>), anonymous.</summary>
    public static IServiceCollection AddBodhi(this IServiceCollection services, ServiceEndpoints endpoints, HttpOptions? http = null)
    {
        var baseAddress = endpoints.Bodhi.AbsoluteUri.EndsWith('/') ? endpoints.Bodhi : new Uri(endpoints.Bodhi.AbsoluteUri + "/");
        services
            .AddRefitGeneratedClient<IBodhiApi>(new RefitSettings(new SystemTextJsonContentSerializer(BodhiJson.Options)), ServiceName.Bodhi)
            .ConfigureHttpClient(c => c.BaseAddress = baseAddress)
            .AddRelengPolicy(http);
        services.AddTransient<IBodhi>(sp => new BodhiClient(sp.GetRequiredService<IBodhiApi>()));
        services.AddSingleton(sp => new ReleaseNameResolver(sp.GetRequiredService<IBodhi>()));
        return services;
    }
}

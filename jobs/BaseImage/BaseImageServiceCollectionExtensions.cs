using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Http;

namespace Releng.Jobs.BaseImage;

public static class BaseImageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>kojipkgs</c> HttpClient (releng policy) and <see cref="IKojiImageFiles"/> downloading from it.
    /// The sandbox replaces <see cref="IKojiImageFiles"/> with a stand-in.
    /// </summary>
    public static IServiceCollection AddBaseImage(this IServiceCollection services, HttpSettings? http = null)
    {
        services.AddHttpClient(KojiImageDownloader.HttpClientName).AddRelengPolicy(http);
        services.TryAddSingleton<IKojiImageFiles>(sp => new KojiImageDownloader(sp.GetRequiredService<IHttpClientFactory>()));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Refit;
using Releng.Jobs.Http;
using Releng.Jobs.Services;

namespace Releng.Jobs.Forgejo;

public static class ForgejoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Forgejo ticket client: <see cref="IForgejoApi"/> (HttpClient named <see cref="ServiceName.Forge"/>,
    /// base <see cref="ForgejoTrackerSettings.BaseUrl"/>, <c>Authorization: token</c> from <paramref name="token"/>,
    /// the project HTTP policy) and <see cref="ForgejoTicketTracker"/>.
    /// </summary>
    public static IServiceCollection AddForgejo(
        this IServiceCollection services, ForgejoTrackerSettings settings, string? token, HttpOptions? http = null)
    {
        services.AddRefitGeneratedClient<IForgejoApi>(ForgejoJson.RefitSettings(), ServiceName.Forge)
            .ConfigureHttpClient(client => client.BaseAddress = settings.BaseUrl)
            .AddHttpMessageHandler(() => new ForgejoTokenHandler(token))
            .AddRelengPolicy(http);
        services.AddSingleton(provider => new ForgejoTicketTracker(
            provider.GetRequiredService<IForgejoApi>(), settings, hasToken: token is not null));
        return services;
    }
}

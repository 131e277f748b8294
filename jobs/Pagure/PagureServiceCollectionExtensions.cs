using Microsoft.Extensions.DependencyInjection;
using Refit;
using Releng.Jobs.Http;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Pagure;

public static class PagureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pagure.io ticket client: <see cref="IPagureTicketsApi"/> (HttpClient named
    /// <see cref="ServiceName.Pagure"/>, base <see cref="ServiceEndpoints.Pagure"/>, <c>Authorization: token</c> from
    /// <see cref="Credentials.PagureToken"/>, the project HTTP policy), and <see cref="PagureTicketTracker"/> as
    /// <see cref="ITicketTracker"/>.
    /// </summary>
    public static IServiceCollection AddPagure(
        this IServiceCollection services, ServiceEndpoints endpoints, Credentials credentials, HttpOptions? http = null)
    {
        services.AddRefitGeneratedClient<IPagureTicketsApi>(PagureJson.RefitSettings(), ServiceName.Pagure)
            .ConfigureHttpClient(client => client.BaseAddress = endpoints.Pagure)
            .AddHttpMessageHandler(() => new PagureTokenHandler(credentials.PagureToken))
            .AddHttpMessageHandler(() => new RequestMarksHandler([PagureWhoAmI.Path]))
            .AddRelengPolicy(http);
        services.AddSingleton(provider => new PagureTicketTracker(
            provider.GetRequiredService<IPagureTicketsApi>(), endpoints, hasToken: credentials.PagureToken is not null));
        services.AddSingleton<ITicketTracker>(provider => provider.GetRequiredService<PagureTicketTracker>());
        return services;
    }
}

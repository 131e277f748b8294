using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Koji;

namespace Releng.Jobs.Unretire;

public static class UnretireRegistration
{
    /// <summary>Registers <see cref="IKojiPackageBlocks"/> over the registered <see cref="IKojiClient"/>.</summary>
    public static IServiceCollection AddUnretire(this IServiceCollection services)
    {
        services.TryAddSingleton<IKojiPackageBlocks>(provider => new KojiPackageBlocks(provider.GetRequiredService<IKojiClient>()));
        return services;
    }
}

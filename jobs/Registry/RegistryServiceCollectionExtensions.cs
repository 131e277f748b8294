using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Skopeo"/>, <see cref="IRegistryReader"/> and <see cref="IRegistryPublisher"/>. Credentials
    /// come from <see cref="Credentials.RegistryUser"/> and <see cref="Credentials.RegistryPassword"/>; a
    /// <see cref="SecretMasker"/> already registered is used for skopeo's command lines and errors.
    /// </summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, Credentials credentials, SkopeoOptions? options = null)
    {
        services.TryAddSingleton(credentials);
        services.TryAddSingleton(options ?? new SkopeoOptions());
        services.TryAddSingleton<IToolRunner, ProcessToolRunner>();
        services.TryAddSingleton(_ => new SecretMasker(credentials.Values()));
        services.TryAddSingleton(sp => new Skopeo(
            sp.GetRequiredService<IToolRunner>(), sp.GetRequiredService<SkopeoOptions>(), sp.GetRequiredService<SecretMasker>()));
        services.TryAddSingleton<IRegistryReader>(sp => new RegistryReader(sp.GetRequiredService<Skopeo>(), credentials));
        services.TryAddSingleton<IRegistryPublisher>(sp => new RegistryPublisher(sp.GetRequiredService<Skopeo>(), credentials));
        return services;
    }
}

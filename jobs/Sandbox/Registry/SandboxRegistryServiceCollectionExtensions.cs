using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.BaseImage;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Sandbox.Registry;

public static class SandboxRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the registry reader, publisher and Koji image downloads with the sandbox's stand-ins over
    /// <paramref name="world"/>, so image pushes plan and apply offline. Call after <c>AddServiceClients</c>.
    /// </summary>
    public static IServiceCollection AddSandboxRegistry(this IServiceCollection services, SandboxWorld world)
    {
        var registry = new SandboxRegistry(world);
        services.Replace(ServiceDescriptor.Singleton<IRegistryReader>(registry));
        services.Replace(ServiceDescriptor.Singleton<IRegistryPublisher>(registry));
        services.Replace(ServiceDescriptor.Singleton<IKojiImageFiles>(new SandboxKojiImageFiles()));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Sandbox.Bugzilla;
using Releng.Jobs.Sandbox.Registry;
using Releng.Jobs.ScmRequests.Sandbox;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// What the sandbox answers without an HTTP fake: who is a packager and who is in which group (from the scenario's
/// people), and the container registries with their image archives. Registered after the real clients, so they win.
/// </summary>
public static class SandboxStandIns
{
    public static IServiceCollection AddSandboxStandIns(this IServiceCollection services, SandboxWorld world)
    {
        services.AddSingleton(SandboxPackagerDirectory.From(world.People));
        services.AddScmRequestsSandbox(world);
        services.AddSandboxRegistry(world);
        return services;
    }
}

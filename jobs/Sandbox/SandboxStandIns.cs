using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Accounts;
using Releng.Jobs.DistGit;
using Releng.Jobs.Sandbox.Accounts;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.Sandbox.Registry;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// What the sandbox answers without an HTTP fake: the Fedora accounts and their groups (from the scenario's people),
/// collaborators' branch patterns (from its dist-git projects), and the container registries with their image
/// archives. Registered after the real clients, so they win.
/// </summary>
public static class SandboxStandIns
{
    public static IServiceCollection AddSandboxStandIns(this IServiceCollection services, SandboxWorld world)
    {
        services.Replace(ServiceDescriptor.Singleton<IAccountDirectory>(SandboxAccountDirectory.From(world)));
        services.AddSingleton<ICollaboratorBranches>(new SandboxCollaboratorBranches(world));
        services.AddSandboxRegistry(world);
        return services;
    }
}

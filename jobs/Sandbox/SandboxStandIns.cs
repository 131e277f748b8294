using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Accounts;
using Releng.Jobs.DistGit;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.Sandbox.Registry;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// What the sandbox answers without an HTTP fake: collaborators' branch patterns (from its dist-git projects) and the
/// container registries with their image archives; and the account directory, which is the real FASJSON client
/// pointed at the sandbox's FASJSON fake without Kerberos. Registered after the real clients, so they win.
/// </summary>
public static class SandboxStandIns
{
    public static IServiceCollection AddSandboxStandIns(this IServiceCollection services, SandboxWorld world)
    {
        services.AddFasjsonAccounts(negotiate: false);
        services.AddSingleton<ICollaboratorBranches>(new SandboxCollaboratorBranches(world));
        services.AddSandboxRegistry(world);
        return services;
    }
}

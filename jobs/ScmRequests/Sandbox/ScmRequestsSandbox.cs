using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Bugzilla;

namespace Releng.Jobs.ScmRequests.Sandbox;

/// <summary>
/// The sandbox's stand-ins for what the Fedora account system and Pagure's collaborator settings tell the
/// scm-requests job: group membership and packager accounts from the scenario's <c>people</c>, collaborator branch
/// patterns from its <c>distgit</c> projects.
/// </summary>
public static class ScmRequestsSandbox
{
    public static IServiceCollection AddScmRequestsSandbox(this IServiceCollection services, SandboxWorld world)
    {
        services.TryAddSingleton<IGroupDirectory>(new InMemoryGroupDirectory(
            world.People.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Groups.ToList())));
        services.TryAddSingleton(SandboxPackagerDirectory.From(world.People));
        services.TryAddSingleton<ICollaboratorBranches>(new WorldCollaboratorBranches(world));
        return services;
    }

    private sealed class WorldCollaboratorBranches(SandboxWorld world) : ICollaboratorBranches
    {
        public Task<IReadOnlyDictionary<string, string>?> PatternsAsync(DistGitRepo repo, CancellationToken cancellationToken = default)
        {
            lock (world.Sync)
            {
                if (world.DistGit.Find(repo.Namespace, repo.Name) is not { } project)
                {
                    return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
                }
                var patterns = project.Collaborators.ToDictionary(c => c.Key, c => c.Value);
                foreach (var (group, globs) in project.CollaboratorGroups)
                {
                    patterns["@" + group] = globs;
                }
                return Task.FromResult<IReadOnlyDictionary<string, string>?>(patterns);
            }
        }
    }
}

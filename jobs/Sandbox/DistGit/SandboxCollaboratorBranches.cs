using Releng.Jobs.DistGit;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>The branch patterns of the sandbox's collaborators, from the scenario's <c>distgit</c> projects.</summary>
public sealed class SandboxCollaboratorBranches(SandboxWorld world) : ICollaboratorBranches
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

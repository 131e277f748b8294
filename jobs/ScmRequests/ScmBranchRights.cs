using System.Text.RegularExpressions;
using Releng.Jobs.Accounts;
using Releng.Jobs.DistGit;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Who may request a new branch of an existing project (§2.6): its admins and committers, members of its groups
/// (not through <c>provenpackager</c>), collaborators whose branch patterns match, and provenpackagers outside EPEL.
/// </summary>
public sealed class ScmBranchRights(IAccountDirectory accounts, ICollaboratorBranches? collaborators, string provenpackagerGroup)
{
    /// <summary>Whether the requester may ask for the branch: admin, committer or collaborator with a matching pattern (§2.6).</summary>
    public async Task<BranchRights> CheckAsync(DistGitProject project, string user, string branch, CancellationToken cancellationToken)
    {
        if (project.Owner == user || project.Users.Admin.Contains(user) || project.Users.Commit.Contains(user))
        {
            return BranchRights.Allowed($"@{user} is {(project.Owner == user ? "the main admin" : project.Users.Admin.Contains(user) ? "an admin" : "a committer")}");
        }
        var patterns = collaborators is null ? null : await collaborators.PatternsAsync(project.Repo, cancellationToken);
        foreach (var group in project.Groups.Admin.Concat(project.Groups.Commit).Where(g => g != provenpackagerGroup))
        {
            if (await accounts.IsInGroupAsync(user, group, cancellationToken))
            {
                return BranchRights.Allowed($"@{user} has commit access through the group {group}");
            }
        }
        if (project.Users.Collaborator.Contains(user))
        {
            if (patterns is null)
            {
                return BranchRights.Human($"@{user} is a collaborator of {project.Repo}, whose branch patterns cannot be read here; " +
                    "a person has to check whether they may request this branch.", $"@{user} is a collaborator; patterns unknown");
            }
            if (patterns.TryGetValue(user, out var mine) && GlobMatches(mine, branch))
            {
                return BranchRights.Allowed($"@{user} is a collaborator on {mine}");
            }
        }
        foreach (var group in project.Groups.Collaborator)
        {
            if (patterns is not null && patterns.TryGetValue("@" + group, out var theirs) && GlobMatches(theirs, branch)
                && await accounts.IsInGroupAsync(user, group, cancellationToken))
            {
                return BranchRights.Allowed($"@{user} is in the collaborator group {group} on {theirs}");
            }
        }
        var proven = project.Repo.Namespace == "rpms" && await accounts.IsInGroupAsync(user, provenpackagerGroup, cancellationToken);
        if (proven)
        {
            return ScmBranches.IsEpel(branch)
                ? BranchRights.Refused(ScmMessages.ProvenpackagerEpel(user, branch), $"@{user} is only a provenpackager")
                : BranchRights.Allowed($"@{user} is a provenpackager");
        }
        return BranchRights.Refused(ScmMessages.NoBranchRights(user, project.Repo.FullName, branch), $"@{user} has no access to {project.Repo}");
    }

    /// <summary>Pagure's collaborator patterns: comma-separated globs with <c>*</c> and <c>?</c>.</summary>
    internal static bool GlobMatches(string patterns, string branch) =>
        patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(pattern =>
            Regex.IsMatch(branch,
                "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
                    .Replace("\\?", ".", StringComparison.Ordinal) + "\\z"));
}

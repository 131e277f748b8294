namespace Releng.Jobs.DistGit;

/// <summary>
/// The branch patterns of a project's collaborators (user or group → comma-separated globs such as <c>epel*</c>).
/// Pagure's project API lists collaborators without their patterns, so this is a separate source; without one the
/// job hands a collaborator's request to a person.
/// </summary>
public interface ICollaboratorBranches
{
    /// <summary>Patterns by user and by group (<c>@group</c>), or null when the project is unknown.</summary>
    Task<IReadOnlyDictionary<string, string>?> PatternsAsync(DistGitRepo repo, CancellationToken cancellationToken = default);
}

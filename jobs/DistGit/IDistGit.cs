namespace Releng.Jobs.DistGit;

/// <summary>
/// What the jobs need from the dist-git forge's API: project metadata and access, branches, single files, and the
/// few administrative writes of unretirement and SCM requests. Today's implementation is <see cref="PagureDistGit"/>
/// (src.fedoraproject.org); a Forgejo backend implements the same interface. Git content itself (history, reverts,
/// pushes) goes through <see cref="GitClient"/>. Errors from the forge are <see cref="Pagure.PagureException"/>.
/// </summary>
public interface IDistGit
{
    /// <summary>The project, or null when it does not exist.</summary>
    Task<DistGitProject?> GetProjectAsync(DistGitRepo repo, CancellationToken cancellationToken = default);

    /// <summary>The branches with their head commits, or null when the project does not exist.</summary>
    Task<DistGitBranches?> GetBranchesAsync(DistGitRepo repo, CancellationToken cancellationToken = default);

    /// <summary>A file's text at the head of a branch, or null when the file (or the branch, or the project) does not exist.</summary>
    Task<string?> GetFileAsync(DistGitRepo repo, string branch, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// A commit's author, committer time and message, and the text of <paramref name="watchedFile"/> when this commit
    /// added it against its first parent; null when the forge does not know the commit or cannot say (the caller then
    /// reads the history with git). The forge's answer does not tell a merge or a root commit apart: a caller that
    /// writes checks the commit in git first.
    /// </summary>
    Task<DistGitCommit?> GetCommitAsync(DistGitRepo repo, string commit, string watchedFile, CancellationToken cancellationToken = default);

    /// <summary>The content of <c>dead.package</c> on the branch (the retirement reason), or null when the branch is not retired.</summary>
    Task<string?> GetRetirementReasonAsync(DistGitRepo repo, string branch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the project and its git repository (with an initial commit when asked) and waits until it exists. True
    /// when this call created it; false when the write failed (refused, timed out, answer lost) but the project exists
    /// now, i.e. someone else or the server's own worker finished it.
    /// </summary>
    Task<bool> CreateProjectAsync(NewDistGitProject project, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a branch in the project's git repository. True when this call created it; false when the write failed
    /// (e.g. "reference already exists" from a racing run) but the branch exists now.
    /// </summary>
    Task<bool> CreateBranchAsync(DistGitRepo repo, string branch, BranchOrigin origin, CancellationToken cancellationToken = default);

    /// <summary>Makes the user the main admin (gives an orphaned package to its new maintainer); returns the project as changed.</summary>
    Task<DistGitProject> SetMainAdminAsync(DistGitRepo repo, string user, CancellationToken cancellationToken = default);

    /// <summary>The account of the dist-git token (<c>POST /api/0/-/whoami</c>): an HTTPS push must go out as it.</summary>
    Task<string> WhoAmIAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the account has logged in to dist-git at least once (and so can be given a package).</summary>
    Task<bool> UserExistsAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>The project's web page, e.g. <c>https://src.fedoraproject.org/rpms/python-pyte</c>, for ticket comments.</summary>
    Uri ProjectUrl(DistGitRepo repo);
}

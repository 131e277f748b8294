namespace Releng.Jobs.DistGit;

/// <summary>
/// A dist-git project as the forge reports it. <see cref="Owner"/> is the main admin (Pagure's
/// <c>access_users.owner[0]</c>); <c>orphan</c> means nobody maintains the package. Timestamps are kept as the forge
/// sends them (Pagure: epoch seconds as a string, sometimes with a fraction).
/// </summary>
public sealed record DistGitProject(
    DistGitRepo Repo,
    string Description,
    string FullUrl,
    string Owner,
    DistGitAccess Users,
    DistGitAccess Groups,
    string? DateCreated,
    string? DateModified)
{
    /// <summary>The account that owns orphaned packages.</summary>
    public const string OrphanOwner = "orphan";

    public bool IsOrphaned => Owner == OrphanOwner;

    /// <summary>Whether the user is the main admin, an admin, a committer or a collaborator (directly, not through a group).</summary>
    public bool HasUserAccess(string user) =>
        Owner == user || Users.Admin.Contains(user) || Users.Commit.Contains(user) || Users.Collaborator.Contains(user);
}

/// <summary>
/// Who holds which access level, by user or by group name. Pagure lists each name once, at its highest level;
/// collaborators' branch patterns are not part of the project API.
/// </summary>
public sealed record DistGitAccess(
    IReadOnlyList<string> Owner,
    IReadOnlyList<string> Admin,
    IReadOnlyList<string> Commit,
    IReadOnlyList<string> Collaborator,
    IReadOnlyList<string> Ticket)
{
    public static DistGitAccess Empty { get; } = new([], [], [], [], []);
}

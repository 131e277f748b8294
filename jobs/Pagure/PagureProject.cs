namespace Releng.Jobs.Pagure;

/// <summary>
/// A project as <c>GET /api/0/&lt;project&gt;</c> returns it. <see cref="CloseStatus"/> lists the close statuses an
/// issue may be closed with (set in the web settings only; empty on a new project).
/// </summary>
public sealed record PagureProject(
    int Id,
    string Name,
    string Fullname,
    string? Namespace,
    string? Description,
    string? FullUrl,
    PagureUser? User,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AccessUsers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AccessGroups,
    IReadOnlyList<string> CloseStatus,
    IReadOnlyDictionary<string, string> Priorities,
    IReadOnlyDictionary<string, PagureMilestone> Milestones,
    IReadOnlyList<string> Tags,
    DateTimeOffset? DateCreated = null,
    DateTimeOffset? DateModified = null);

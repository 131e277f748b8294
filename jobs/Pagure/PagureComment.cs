namespace Releng.Jobs.Pagure;

/// <summary>
/// One issue comment. <see cref="Notification"/> marks the system's "Metadata Update from @user" comments that every
/// status, assignee or field change adds. Comment ids increase across all issues of a server, not per issue.
/// </summary>
public sealed record PagureComment(
    long Id,
    string Comment,
    DateTimeOffset DateCreated,
    PagureUser User,
    long? Parent = null,
    DateTimeOffset? EditedOn = null,
    PagureUser? Editor = null,
    bool Notification = false);

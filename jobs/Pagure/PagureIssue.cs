namespace Releng.Jobs.Pagure;

/// <summary>
/// An issue as <c>GET /api/0/&lt;project&gt;/issue/&lt;id&gt;</c> and the issue list return it. After a reopen
/// <see cref="CloseStatus"/> is null again while <see cref="ClosedAt"/> and <see cref="ClosedBy"/> stay set.
/// </summary>
public sealed record PagureIssue(
    int Id,
    string Title,
    string Content,
    string Status,
    string? CloseStatus,
    DateTimeOffset DateCreated,
    DateTimeOffset LastUpdated,
    DateTimeOffset? ClosedAt,
    PagureUser? ClosedBy,
    PagureUser User,
    PagureUser? Assignee,
    bool Private,
    int? Priority,
    string? Milestone,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PagureCustomField> CustomFields,
    string? FullUrl,
    IReadOnlyList<PagureComment> Comments)
{
    public bool IsOpen => string.Equals(Status, PagureIssueStatus.Open, StringComparison.OrdinalIgnoreCase);
}

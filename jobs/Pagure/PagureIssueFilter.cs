namespace Releng.Jobs.Pagure;

/// <summary>
/// Filters of the issue list. <see cref="Tags"/> are OR-ed; a tag written <c>!name</c> excludes it. Null leaves a filter
/// out. <see cref="Since"/> is sent as whole epoch seconds (older servers refuse fractions) and is inclusive on
/// <c>last_updated</c>, so a poller sees a ticket again after any change and deduplicates by id.
/// </summary>
public sealed record PagureIssueFilter
{
    public string? Status { get; init; } = PagureIssueStatus.Open;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Author { get; init; }
    public string? Assignee { get; init; }
    public DateTimeOffset? Since { get; init; }
    /// <summary><c>asc</c> for oldest first; null keeps the server's newest-first.</summary>
    public string? Order { get; init; }
    public int PerPage { get; init; } = 100;
}

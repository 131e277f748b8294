namespace Releng.Jobs.Tickets;

/// <summary>
/// Narrows a ticket listing. <see cref="Tags"/>: any of them (OR); <see cref="ExcludedTags"/>: none of them.
/// <see cref="UpdatedSince"/> is inclusive and whole seconds, so the same ticket can come back on the next poll.
/// </summary>
public sealed record TicketQuery
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> ExcludedTags { get; init; } = [];
    public string? Author { get; init; }
    public string? Assignee { get; init; }
    public DateTimeOffset? UpdatedSince { get; init; }
    public bool OldestFirst { get; init; }
    /// <summary>Tickets per request (1–100); only the number of requests changes.</summary>
    public int PageSize { get; init; } = 100;
}

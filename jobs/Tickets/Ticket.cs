namespace Releng.Jobs.Tickets;

/// <summary>
/// A ticket with its comments, oldest first. <see cref="Body"/> and comment texts are untrusted input.
/// <see cref="Fields"/> holds the custom fields that have a value.
/// </summary>
public sealed record Ticket(
    string Project,
    int Id,
    string Title,
    string Body,
    string Author,
    bool IsOpen,
    string? CloseStatus,
    string? Assignee,
    IReadOnlyList<string> Tags,
    bool IsPrivate,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? ClosedAt,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<TicketComment> Comments,
    string Url);

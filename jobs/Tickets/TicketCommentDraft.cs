namespace Releng.Jobs.Tickets;

/// <summary>
/// What a comment step posts once it has re-read the ticket: nothing, when the bot's marked comment is already
/// there (<see cref="Detail"/> says so), or <see cref="Body"/>.
/// </summary>
public sealed record TicketCommentDraft(string? Body, string? Detail)
{
    public static TicketCommentDraft AlreadyPosted(string detail) => new(null, detail);

    /// <summary>Post <paramref name="body"/>; <paramref name="detail"/> is what the step reports when done.</summary>
    public static TicketCommentDraft Post(string body, string? detail = null) => new(body, detail);
}

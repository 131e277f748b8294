namespace Releng.Jobs.Tickets;

/// <summary>
/// A forge's ticket tracker as the jobs see it: list, read, comment, close, assign. Pagure (pagure.io) implements it
/// today; a Forgejo tracker would be another implementation. <c>project</c> is the tracker's project path
/// (<c>releng</c>, <c>releng/fedora-scm-requests</c>). Implementations are safe to call concurrently; the HTTP layer
/// bounds how many requests run at once. Service errors surface as the implementation's exception
/// (<see cref="Pagure.PagureException"/> for Pagure).
/// </summary>
public interface ITicketTracker
{
    /// <summary>
    /// The account this tracker writes as. Only that account's comments carry markers and answers that count
    /// (<see cref="BotComments"/>, <see cref="BotCommands"/>).
    /// </summary>
    Task<string> WhoAmIAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The account the tracker's credentials belong to, as the server says; null when it has none (a plan-only run),
    /// so the caller decides who the bot is (<see cref="BotIdentity"/>).
    /// </summary>
    Task<string?> AuthenticatedUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Every open ticket of <paramref name="project"/> matching <paramref name="query"/>, with its comments.</summary>
    Task<IReadOnlyList<Ticket>> ListOpenTicketsAsync(
        string project, TicketQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>One ticket with its comments, or null when it does not exist.</summary>
    Task<Ticket?> GetTicketAsync(string project, int id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ticket's comments as they are now, in one request: a comment step's last look right before it writes, so
    /// a run that posted the same marked comment meanwhile is seen (<see cref="TrackerProject.Comment"/>).
    /// </summary>
    Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default);

    /// <summary>The close statuses <paramref name="project"/> allows (read once per project and kept).</summary>
    Task<IReadOnlyList<string>> GetCloseStatusesAsync(string project, CancellationToken cancellationToken = default);

    /// <summary>Adds a comment (Markdown). Not idempotent by itself: callers mark it (<see cref="BotMarker"/>) and check first.</summary>
    Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes the ticket with <paramref name="closeStatus"/> unless it is already closed; true when this call closed it.
    /// The status must be one of <see cref="GetCloseStatusesAsync"/> (any letter case; <see cref="CloseStatuses.Choose"/>
    /// picks one), else <see cref="ArgumentException"/> before anything is written.
    /// </summary>
    Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default);

    /// <summary>Assigns the ticket (null or empty unassigns); true when the assignee changed.</summary>
    Task<bool> AssignAsync(string project, int id, string? assignee, CancellationToken cancellationToken = default);

    /// <summary>The ticket's web address, for comments, commit messages and logs.</summary>
    string TicketUrl(string project, int id);
}

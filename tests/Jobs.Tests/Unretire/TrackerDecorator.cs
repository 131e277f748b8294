using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>Passes every call to another tracker; tests override one method to inject a failure.</summary>
internal class TrackerDecorator(ITicketTracker inner) : ITicketTracker
{
    public virtual Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) => inner.WhoAmIAsync(cancellationToken);

    public virtual Task<string?> AuthenticatedUserAsync(CancellationToken cancellationToken = default) =>
        inner.AuthenticatedUserAsync(cancellationToken);

    public virtual Task<IReadOnlyList<Ticket>> ListOpenTicketsAsync(string project, TicketQuery? query = null, CancellationToken cancellationToken = default) =>
        inner.ListOpenTicketsAsync(project, query, cancellationToken);

    public virtual Task<Ticket?> GetTicketAsync(string project, int id, CancellationToken cancellationToken = default) =>
        inner.GetTicketAsync(project, id, cancellationToken);

    public virtual Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default) =>
        inner.GetCommentsAsync(project, id, cancellationToken);

    public virtual Task<IReadOnlyList<string>> GetCloseStatusesAsync(string project, CancellationToken cancellationToken = default) =>
        inner.GetCloseStatusesAsync(project, cancellationToken);

    public virtual Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default) =>
        inner.CommentAsync(project, id, text, cancellationToken);

    public virtual Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default) =>
        inner.CloseAsync(project, id, closeStatus, cancellationToken);

    public virtual Task<bool> AssignAsync(string project, int id, string? assignee, CancellationToken cancellationToken = default) =>
        inner.AssignAsync(project, id, assignee, cancellationToken);

    public virtual string TicketUrl(string project, int id) => inner.TicketUrl(project, id);
}

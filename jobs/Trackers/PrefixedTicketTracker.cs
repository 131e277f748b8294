using Releng.Jobs.Tickets;

namespace Releng.Jobs.Trackers;

/// <summary>
/// One forge's tracker seen through jobs.yaml's tracker names: a job passes its <c>tracker</c> value
/// (<c>forge:releng/fedora-scm-requests</c>) as the project, and this strips the prefix before the forge's own
/// client sees it. Plans and the audit keep the full name, so they say where each ticket lives.
/// </summary>
public sealed class PrefixedTicketTracker(ITicketTracker inner, TrackerKind kind) : ITicketTracker, ICloseLabelWarnings
{
    public TrackerKind Kind => kind;

    public ITicketTracker Inner => inner;

    private string Project(string project)
    {
        var reference = TrackerReference.Parse(project);
        if (reference.Kind != kind)
        {
            throw new ArgumentException($"{reference} is not on this tracker ({kind})", nameof(project));
        }
        return reference.Project;
    }

    public Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) => inner.WhoAmIAsync(cancellationToken);

    public Task<string?> AuthenticatedUserAsync(CancellationToken cancellationToken = default) => inner.AuthenticatedUserAsync(cancellationToken);

    public async Task<IReadOnlyList<Ticket>> ListOpenTicketsAsync(string project, TicketQuery? query = null, CancellationToken cancellationToken = default) =>
        (await inner.ListOpenTicketsAsync(Project(project), query, cancellationToken)).Select(ticket => ticket with { Project = project }).ToList();

    public async Task<Ticket?> GetTicketAsync(string project, int id, CancellationToken cancellationToken = default) =>
        await inner.GetTicketAsync(Project(project), id, cancellationToken) is { } ticket ? ticket with { Project = project } : null;

    public Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default) =>
        inner.GetCommentsAsync(Project(project), id, cancellationToken);

    public Task<IReadOnlyList<string>> GetCloseStatusesAsync(string project, CancellationToken cancellationToken = default) =>
        inner.GetCloseStatusesAsync(Project(project), cancellationToken);

    public Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default) =>
        inner.CommentAsync(Project(project), id, text, cancellationToken);

    public Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default) =>
        inner.CloseAsync(Project(project), id, closeStatus, cancellationToken);

    public Task<bool> AssignAsync(string project, int id, string? assignee, CancellationToken cancellationToken = default) =>
        inner.AssignAsync(Project(project), id, assignee, cancellationToken);

    public string TicketUrl(string project, int id) => inner.TicketUrl(Project(project), id);

    public async Task<string?> CloseLabelWarningAsync(string project, string closeStatus, CancellationToken cancellationToken = default) =>
        inner is ICloseLabelWarnings labels
            ? (await labels.CloseLabelWarningAsync(Project(project), closeStatus, cancellationToken))?.Replace(Project(project), project, StringComparison.Ordinal)
            : null;
}

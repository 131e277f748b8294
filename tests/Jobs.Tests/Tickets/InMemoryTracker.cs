using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>
/// A tracker held in memory, for the shared ticket-job pieces only: comments are written as <see cref="Bot"/>, close
/// refuses a status the project does not have (as <see cref="ITicketTracker.CloseAsync"/> says), every write is counted.
/// </summary>
internal sealed class InMemoryTracker(string bot, params string[] closeStatuses) : ITicketTracker
{
    private static readonly DateTimeOffset Filed = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<int, Ticket> _tickets = [];
    private long _nextComment = 1;

    public string Bot => bot;
    public int Writes { get; private set; }

    /// <summary>How often the comments alone were read (a comment step's last look before it writes).</summary>
    public int CommentReads { get; private set; }

    /// <summary>Runs before each comments-only read: a test posts here what another run writes in the meantime.</summary>
    public Action<int>? BeforeCommentsRead { get; set; }

    public Ticket Add(int id, string title = "a ticket", bool open = true)
    {
        var ticket = new Ticket("releng", id, title, "body", "jdoe", open, open ? null : "Fixed", null, [], false,
            Filed, Filed, null, new Dictionary<string, string>(), [], TicketUrl("releng", id));
        _tickets[id] = ticket;
        return ticket;
    }

    public void AddComment(int id, string author, string text) =>
        _tickets[id] = _tickets[id] with { Comments = [.. _tickets[id].Comments, new TicketComment(_nextComment++, author, text, Filed)] };

    public void Remove(int id) => _tickets.Remove(id);

    public Ticket this[int id] => _tickets[id];

    public Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) => Task.FromResult(bot);

    public Task<string?> AuthenticatedUserAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(bot);

    public Task<IReadOnlyList<Ticket>> ListOpenTicketsAsync(string project, TicketQuery? query = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Ticket>>(_tickets.Values.Where(t => t.IsOpen).OrderByDescending(t => t.Id).ToList());

    public Task<Ticket?> GetTicketAsync(string project, int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.GetValueOrDefault(id));

    public Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default)
    {
        BeforeCommentsRead?.Invoke(id);
        CommentReads++;
        return Task.FromResult(_tickets[id].Comments);
    }

    public Task<IReadOnlyList<string>> GetCloseStatusesAsync(string project, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(closeStatuses);

    public Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default)
    {
        Writes++;
        AddComment(id, bot, text);
        return Task.CompletedTask;
    }

    public Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default)
    {
        if (!closeStatuses.Contains(closeStatus, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{project} has no close status {closeStatus}", nameof(closeStatus));
        }
        if (!_tickets[id].IsOpen)
        {
            return Task.FromResult(false);
        }
        Writes++;
        _tickets[id] = _tickets[id] with { IsOpen = false, CloseStatus = closeStatus };
        return Task.FromResult(true);
    }

    public Task<bool> AssignAsync(string project, int id, string? assignee, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the shared ticket-job pieces never assign");

    public string TicketUrl(string project, int id) => $"https://tracker.example/{project}/issue/{id}";
}

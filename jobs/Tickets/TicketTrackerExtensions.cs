namespace Releng.Jobs.Tickets;

public static class TicketTrackerExtensions
{
    /// <summary>Reads several tickets at once (the HTTP layer bounds concurrency); missing ones are left out.</summary>
    public static async Task<IReadOnlyList<Ticket>> GetTicketsAsync(
        this ITicketTracker tracker, string project, IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var tickets = await Task.WhenAll(ids.Distinct().Select(id => tracker.GetTicketAsync(project, id, cancellationToken)));
        return tickets.OfType<Ticket>().ToList();
    }
}

namespace Releng.Jobs.GitHub;

/// <summary>A webhook's ticket URL resolved: the job that handles that tracker and the ticket number.</summary>
public sealed record TicketDispatch(string Job, string Tracker, int Ticket);

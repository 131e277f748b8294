using Releng.Jobs.Configuration;

namespace Releng.Jobs.Planning;

/// <summary>
/// What to run: a jobs.yaml entry (or a task's defaults), optionally narrowed to one ticket, of
/// <paramref name="TicketTracker"/> when a ticket URL named it (else of the job's main tracker).
/// </summary>
public sealed record JobRequest(string JobName, JobParameters Parameters, int? Ticket = null, string? TicketTracker = null)
{
    public string Task => Parameters.Spec.Name;
}

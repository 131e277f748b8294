using Releng.Jobs.Accounts;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Tickets;

/// <summary>
/// A ticket job's reasoning about one ticket, for one run. <see cref="TicketPlanner"/> calls it for every ticket and
/// turns a failure into the job's own <see cref="NeedsHuman"/> or <see cref="CouldNotDecide"/> decision, so one bad
/// ticket never stops the others.
/// </summary>
public interface ITicketDecider
{
    /// <summary>The decisions about <paramref name="ticket"/>, in the order the plan shows them.</summary>
    Task<IReadOnlyList<Decision>> DecideAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>Who someone is cannot be told (no account directory): a person handles the ticket.</summary>
    Decision NeedsHuman(Ticket ticket, AccountDirectoryUnavailableException reason);

    /// <summary>The ticket could not be read or checked; nothing is written and the next run looks again.</summary>
    Decision CouldNotDecide(Ticket ticket, Exception error);
}

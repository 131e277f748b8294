using Releng.Jobs.Accounts;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Tickets;

/// <summary>
/// The plan every ticket job makes: decide each ticket (a bounded number at once), keep a ticket that fails to its
/// own needs-human or error decision, leave a ticket past the <see cref="CommentBound"/> for a person, and put the
/// bot-identity warning first.
/// </summary>
public static class TicketPlanner
{
    /// <summary>
    /// The plan of <paramref name="job"/> for <paramref name="tickets"/>, in ticket order. <paramref name="maxConcurrency"/>
    /// bounds how many tickets are decided at once (null: all of them; the HTTP layer still bounds the requests).
    /// </summary>
    public static async Task<Plan> PlanAsync(
        string job,
        BotIdentity identity,
        string configuredBot,
        IReadOnlyList<Ticket> tickets,
        ITicketDecider decider,
        int? maxConcurrency,
        CancellationToken cancellationToken,
        CommentBound? bound = null)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, maxConcurrency ?? tickets.Count));
        var decisions = await Task.WhenAll(tickets.Select(async ticket =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var decided = await DecideSafelyAsync(decider, ticket, cancellationToken);
                IReadOnlyList<Decision> bounded = bound?.Apply(ticket, decided) is { } leftForPerson ? [leftForPerson] : decided;
                return bounded;
            }
            finally
            {
                gate.Release();
            }
        }));
        return new Plan(job, Warnings(identity, configuredBot).Concat(decisions.SelectMany(d => d)).ToList());
    }

    /// <summary>The warning decision when the token's account is not the configured bot; none otherwise.</summary>
    public static IReadOnlyList<Decision> Warnings(BotIdentity identity, string configuredBot) =>
        identity.Warning is { } warning
            ? [Decision.NothingToDo($"bot @{identity.Name}", TicketDecisionKinds.Warning, warning, new Evidence("bot parameter", configuredBot))]
            : [];

    private static async Task<IReadOnlyList<Decision>> DecideSafelyAsync(ITicketDecider decider, Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            return await decider.DecideAsync(ticket, cancellationToken);
        }
        catch (AccountDirectoryUnavailableException e)
        {
            // Who may ask or confirm cannot be told: a person handles the ticket; nothing is written on a guess.
            return [decider.NeedsHuman(ticket, e)];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One ticket that cannot be read or checked never stops the others; the next run looks again.
            return [decider.CouldNotDecide(ticket, e)];
        }
    }
}

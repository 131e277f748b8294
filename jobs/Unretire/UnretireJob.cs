using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// The unretire job. For every open ticket whose title says "unretire": read it, run the checks, and decide:
/// post the report (when its facts changed), ask for what is missing, refuse (the report says why, the ticket
/// stays open for releng), or, in phases <c>recent</c> and <c>all</c>, unretire: revert <c>dead.package</c>,
/// unblock in Koji, give an orphaned package to the requester, comment, close. Each step re-checks before it
/// writes, so a run that died half-way is finished by the next one without doing anything twice.
/// </summary>
public sealed class UnretireJob(
    UnretireOptions options,
    ITicketTracker tracker,
    IDistGit distGit,
    GitClient git,
    IKojiPackageBlocks koji,
    IBodhi bodhi,
    IAccountDirectory accounts,
    UnretireChecker checker,
    TimeProvider time) : IJob
{
    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        var identity = await BotIdentity.ResolveAsync(tracker, options.Bot, cancellationToken);
        var project = new TrackerProject(tracker, options.Tracker);
        var tickets = await project.ReadTicketsAsync(options.Ticket, UnretireTicketParser.IsUnretirement, cancellationToken);
        var tags = new Lazy<Task<BranchTagMap>>(() => bodhi.GetBranchTagMapAsync(cancellationToken));
        var steps = new UnretireSteps(options, project, identity.Name, distGit, git, koji);
        var decider = new UnretireDecider(options, project, identity.Name, checker, accounts, tags, steps);
        var bound = new CommentBound(project, identity.Name, options.MaxBotCommentsPerDay, time);
        await PrepareChecksAsync(tickets, tags, cancellationToken);
        return await TicketPlanner.PlanAsync(UnretireDescriptor.Name, identity, options.Bot, tickets, decider, options.EffectiveConcurrency, cancellationToken, bound);
    }

    /// <summary>
    /// Koji block states for every request at once. Best effort: when Bodhi or Koji fails here, each ticket's own
    /// check reads (and reports) it, so one failure still never stops the other tickets.
    /// </summary>
    private async Task PrepareChecksAsync(IReadOnlyList<Ticket> tickets, Lazy<Task<BranchTagMap>> tags, CancellationToken cancellationToken)
    {
        var requests = tickets.Where(t => t.IsOpen && UnretireTicketParser.IsUnretirement(t))
            .Select(t => UnretireTicketParser.Parse(t).Request)
            .OfType<UnretireRequest>()
            .ToList();
        if (requests.Count == 0)
        {
            return;
        }
        try
        {
            await checker.PrepareAsync(requests, await tags.Value, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// The unretire job. For every open unretirement request (<see cref="UnretirementRequests"/>) on each of its trackers
/// (the hand-written tickets' and the one <c>fedpkg request-unretirement</c> files in): read it, run the checks, and
/// decide: post the report (when its facts changed), ask for what is missing, refuse (the report says why, the
/// ticket stays open for releng), or, in phases <c>recent</c> and <c>all</c>, unretire: revert <c>dead.package</c>,
/// unblock in Koji, give an orphaned package to the requester, comment, close. Each step re-checks before it
/// writes, so a run that died half-way is finished by the next one without doing anything twice.
/// </summary>
public sealed class UnretireJob(
    UnretireOptions options,
    IReadOnlyList<TrackerProject> trackers,
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
        var tags = new Lazy<Task<BranchTagMap>>(() => bodhi.GetBranchTagMapAsync(cancellationToken));
        var read = new List<(TrackerProject Project, BotIdentity Identity, IReadOnlyList<Ticket> Tickets)>();
        foreach (var project in trackers.Where(project => !options.Skips(project.Name)))
        {
            var identity = await BotIdentity.ResolveAsync(project.Tracker, options.Bot, cancellationToken);
            read.Add((project, identity, await project.ReadTicketsAsync(options.TicketOn(project.Name), UnretirementRequests.Claims, cancellationToken)));
        }
        await PrepareChecksAsync(read.SelectMany(r => r.Tickets).ToList(), tags, cancellationToken);
        var decisions = new List<Decision>();
        foreach (var (project, identity, tickets) in read)
        {
            var steps = new UnretireSteps(options, project, identity.Name, distGit, git, koji);
            var decider = new UnretireDecider(options, project, identity.Name, checker, accounts, tags, steps);
            var bound = new CommentBound(project, identity.Name, options.MaxBotCommentsPerDay, time);
            var plan = await TicketPlanner.PlanAsync(
                UnretireDescriptor.Name, identity, options.Bot, tickets, decider, options.EffectiveConcurrency, cancellationToken, bound);
            var labels = tickets.Count > 0 && options.Phase >= UnretirePhase.Recent
                ? await project.CloseLabelWarningsAsync(UnretireSteps.CloseStatuses.Take(1), cancellationToken)
                : [];
            // Both trackers on one forge share the bot: its warning is said once.
            decisions.AddRange(labels.Concat(plan.Decisions).Where(decision =>
                !decisions.Any(said => said.Subject == decision.Subject && said.Reason == decision.Reason)));
        }
        return new Plan(UnretireDescriptor.Name, decisions);
    }

    /// <summary>
    /// Koji block states for every request at once. Best effort: when Bodhi or Koji fails here, each ticket's own
    /// check reads (and reports) it, so one failure still never stops the other tickets.
    /// </summary>
    private async Task PrepareChecksAsync(IReadOnlyList<Ticket> tickets, Lazy<Task<BranchTagMap>> tags, CancellationToken cancellationToken)
    {
        var requests = tickets.Where(t => t.IsOpen && UnretirementRequests.Claims(t))
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

using Releng.Jobs.Accounts;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Processes the open tickets of <c>releng/fedora-scm-requests</c>: new repositories and new branches. Planning only
/// reads (the tickets concurrently; per ticket its body, dist-git, Bugzilla); each decision's steps re-check before
/// writing, so a run that died half-way is finished by the next one. The ticket is closed last.
/// <see cref="ScmRequestsDecider"/> decides each ticket; <see cref="ScmRequestsSteps"/> are the writes.
/// </summary>
public sealed class ScmRequestsJob(
    ScmRequestsOptions options,
    ITicketTracker tracker,
    IDistGit distGit,
    IBugzilla bugzilla,
    GitClient git,
    IAccountDirectory accounts,
    ICollaboratorBranches? collaborators,
    TimeProvider time) : IJob
{
    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        var identity = await BotIdentity.ResolveAsync(tracker, options.Bot, cancellationToken);
        var bot = identity.Name;
        var project = new TrackerProject(tracker, options.Tracker);
        var closeStatuses = await tracker.GetCloseStatusesAsync(options.Tracker, cancellationToken);
        var tickets = await project.ReadTicketsAsync(options.Ticket, wanted: null, cancellationToken);
        var steps = new ScmRequestsSteps(project, bot, closeStatuses, distGit, bugzilla, git);
        var rights = new ScmBranchRights(accounts, collaborators, options.ProvenpackagerGroup);
        var decider = new ScmRequestsDecider(options, project, bot, distGit, bugzilla, git, accounts, rights, time, steps);
        var bound = new CommentBound(project, bot, options.MaxBotCommentsPerDay, time);
        var plan = await TicketPlanner.PlanAsync(ScmRequestsDescriptor.Name, identity, options.Bot, tickets, decider, maxConcurrency: null, cancellationToken, bound);
        var labels = tickets.Count > 0 ? await project.CloseLabelWarningsAsync(["Processed", "Invalid"], cancellationToken) : [];
        return plan with { Decisions = [.. labels, .. plan.Decisions] };
    }
}

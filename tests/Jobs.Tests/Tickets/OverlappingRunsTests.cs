using Releng.Jobs.Planning;
using Releng.Jobs.Tests.Sandbox;
using Releng.Jobs.Tests.ScmRequests;
using Releng.Jobs.Tests.Unretire;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>
/// Two runs of a ticket job that planned on the same state apply at once (a release engineer running a job by hand
/// while the schedule runs it): each write re-checks first, and a write that fails because the wanted state now
/// exists counts as already done, so neither run fails and no project or branch is created twice. A comment step
/// reads the comments once more right before it writes, so a comment the other run posted after this run read the
/// ticket is not posted again; the interleaved tests put the other run's whole ticket there, every time, without
/// depending on timing. (Two comments sent in the very same instant can still both land: the trackers offer no
/// compare-and-set for them.)
/// </summary>
public sealed class OverlappingRunsTests
{
    [Fact]
    public async Task Two_overlapping_scm_requests_runs_end_without_failures_and_create_each_project_and_branch_once()
    {
        await using var sandbox = ScmStories.Story();
        var (first, second) = await OverlapAsync(sandbox, () => sandbox.ScmRequestsJob());

        Assert.DoesNotContain(first.Concat(second), o => o.Status == StepStatus.Failed);
        var created = first.Concat(second).Where(o => o.Step.StartsWith("create ", StringComparison.Ordinal)).GroupBy(o => o.Step);
        Assert.All(created, group => Assert.Single(group, o => o.Status == StepStatus.Done));
    }

    [Fact]
    public async Task Two_overlapping_unretire_runs_end_without_failures_and_revert_each_retirement_in_one_commit()
    {
        await using var sandbox = UnretireStories.StartDefault();
        var (first, second) = await OverlapAsync(sandbox, () => sandbox.UnretireJob("recent"));

        Assert.DoesNotContain(first.Concat(second), o => o.Status == StepStatus.Failed);
        // One revert commit per ticket: the sandbox's fixed clock makes both runs' reverts the same commit, so the
        // second push is a no-op; with real clocks the second push is refused and the re-check finds it reverted.
        var reverts = first.Concat(second).Where(o => o.Step.StartsWith("revert ", StringComparison.Ordinal) && o.Status == StepStatus.Done)
            .GroupBy(o => o.Decision.Subject);
        Assert.All(reverts, group => Assert.Single(group.Select(o => o.Detail!.Split(' ')[^1]).Distinct()));
    }

    [Fact]
    public async Task Two_scm_requests_runs_commenting_at_the_same_time_post_each_comment_once()
    {
        await using var sandbox = ScmStories.Story();
        var (first, second) = await InterleaveAsync(sandbox, tracker => sandbox.Job("scm-requests", services: tracker is null ? null : sandbox.WithTracker(tracker)));

        Assert.DoesNotContain(first.Concat(second), o => o.Status == StepStatus.Failed);
        Assert.Contains(first, o => o.Detail == PostedMeanwhile);
        Assert.Empty(DuplicateComments(sandbox, ScmStories.Tracker));
    }

    [Fact]
    public async Task Two_unretire_runs_commenting_at_the_same_time_post_each_comment_once()
    {
        await using var sandbox = UnretireStories.StartDefault();
        var (first, second) = await InterleaveAsync(sandbox, tracker => sandbox.UnretireJob("recent", tracker: tracker));

        Assert.DoesNotContain(first.Concat(second), o => o.Status == StepStatus.Failed);
        Assert.Contains(first, o => o.Detail == PostedMeanwhile);
        Assert.Empty(DuplicateComments(sandbox, "releng"));
    }

    private const string PostedMeanwhile = "already commented (posted meanwhile by another run)";

    /// <summary>
    /// Plans run B, then run A on the same state, and applies A; whenever A takes its last look at a ticket's comments
    /// before writing one, B first carries out its whole decision on that ticket (its comment lands between A's read
    /// and A's write). B's decisions A never reached run after A.
    /// </summary>
    private static async Task<(IReadOnlyList<Outcome>, IReadOnlyList<Outcome>)> InterleaveAsync(TestSandbox sandbox, Func<ITicketTracker?, IJob> job)
    {
        var planB = await job(null).PlanAsync(CancellationToken.None);
        var otherRun = new OtherRunFirst(sandbox.Tracker, planB);
        var planA = await job(otherRun).PlanAsync(CancellationToken.None);
        var first = await new PlanExecutor(TimeProvider.System).ApplyAsync(planA, _ => { }, CancellationToken.None);
        await otherRun.FinishAsync();
        return (first, otherRun.Outcomes);
    }

    /// <summary>Bot comments on a ticket of <paramref name="project"/> whose markers another bot comment there repeats.</summary>
    private static IReadOnlyList<string> DuplicateComments(TestSandbox sandbox, string project)
    {
        lock (sandbox.World.Sync)
        {
            return sandbox.World.Pagure.Projects[project].Issues
                .SelectMany(issue => issue.Comments
                    .Where(c => c.Author == "releng-bot" && !c.Notification)
                    .Select(c => (issue.Id, Markers: string.Join(' ', BotMarker.ReadAll(c.Text).Select(m =>
                        $"{m.Kind} v{m.Version} {string.Join(',', m.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))}")))))
                .Where(c => c.Markers.Length > 0)
                .GroupBy(c => c)
                .Where(group => group.Count() > 1)
                .Select(group => $"{project}#{group.Key.Id}: {group.Key.Markers} ×{group.Count()}")
                .ToList();
        }
    }

    private sealed class OtherRunFirst(ITicketTracker inner, Plan other) : TrackerDecorator(inner)
    {
        private readonly Dictionary<string, List<Decision>> _pending = other.Decisions.Where(d => d.Steps.Count > 0)
            .GroupBy(d => d.Subject).ToDictionary(g => g.Key, g => g.ToList());
        private readonly List<Outcome> _outcomes = [];

        public IReadOnlyList<Outcome> Outcomes => _outcomes;

        public override async Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default)
        {
            if (_pending.Remove($"{project}#{id}", out var decisions))
            {
                await RunAsync(decisions);
            }
            return await base.GetCommentsAsync(project, id, cancellationToken);
        }

        public async Task FinishAsync()
        {
            foreach (var decisions in _pending.Values.ToList())
            {
                await RunAsync(decisions);
            }
            _pending.Clear();
        }

        private async Task RunAsync(IReadOnlyList<Decision> decisions) =>
            _outcomes.AddRange(await new PlanExecutor(TimeProvider.System).ApplyAsync(
                new Plan(other.Job, decisions), _ => { }, CancellationToken.None));
    }

    private static async Task<(IReadOnlyList<Outcome>, IReadOnlyList<Outcome>)> OverlapAsync(TestSandbox sandbox, Func<IJob> job)
    {
        var planA = await job().PlanAsync(CancellationToken.None);
        var planB = await job().PlanAsync(CancellationToken.None);
        var runs = await Task.WhenAll(
            new PlanExecutor(TimeProvider.System).ApplyAsync(planA, _ => { }, CancellationToken.None),
            new PlanExecutor(TimeProvider.System).ApplyAsync(planB, _ => { }, CancellationToken.None));
        return (runs[0], runs[1]);
    }
}

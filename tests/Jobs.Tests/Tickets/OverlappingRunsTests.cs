using Releng.Jobs.Planning;
using Releng.Jobs.Tests.Sandbox;
using Releng.Jobs.Tests.ScmRequests;
using Releng.Jobs.Tests.Unretire;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>
/// Two runs of a ticket job that planned on the same state apply at once (a release engineer running a job by hand
/// while the schedule runs it): each write re-checks first, and a write that fails because the wanted state now
/// exists counts as already done, so neither run fails and no project or branch is created twice. (Two comments or
/// closes sent in the same instant can still both land: the trackers offer no compare-and-set for them.)
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

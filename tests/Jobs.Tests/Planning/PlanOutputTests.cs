using Releng.Jobs.Planning;

namespace Releng.Jobs.Tests.Planning;

public sealed class PlanOutputTests
{
    private static readonly Decision Refusal = new("releng#12005", "refuse", "retired for legal reasons | needs releng",
        [new Evidence("retired", "21 days ago"), new Evidence("reason", "License change")],
        [new Step("comment the refusal", _ => Task.FromResult(StepResult.Done("comment 3")))]);

    [Fact]
    public void The_plan_table_names_each_subject_with_its_decision_reason_evidence_and_steps()
    {
        var text = PlanTable.Render(new Plan("unretire", [Refusal, Decision.NothingToDo("releng#12006", "nothing-to-do", "already processed")]), apply: false);

        Assert.Contains("2 subject(s), 1 write(s); plan only", text);
        Assert.Matches(@"releng#12005\s+refuse\s+retired for legal reasons", text);
        Assert.Contains("· reason: License change", text);
        Assert.Contains("→ comment the refusal", text);
        Assert.Matches(@"releng#12006\s+nothing-to-do\s+already processed", text);
    }

    [Fact]
    public void The_plan_footer_says_how_many_requests_planning_sent_to_each_service()
    {
        var counter = new Releng.Jobs.Http.RequestCounter();
        var before = counter.Snapshot();
        counter.Count("pagure", read: true);
        counter.Count("pagure", read: true);
        counter.Count("pagure", read: false);
        counter.Count("koji", read: true);

        var text = PlanTable.Render(new Plan("unretire", [Refusal]) { Requests = counter.Snapshot().Since(before) }, apply: false);

        Assert.Contains("requests while planning (reads / writes): koji 1 read / 0 writes, pagure 2 reads / 1 write", text);
    }

    [Fact]
    public void The_step_summary_is_a_markdown_table_with_each_step_outcome()
    {
        var outcome = new Outcome(Refusal, "comment the refusal", StepStatus.Done, "comment 3", DateTimeOffset.UnixEpoch);

        var markdown = StepSummary.Render(new Plan("unretire", [Refusal]), [outcome], apply: true);

        Assert.Contains("| releng#12005 | refuse | retired for legal reasons \\| needs releng | comment the refusal (done) |", markdown);
        Assert.Contains("Writes: 1 done, 0 already done, 0 failed.", markdown);
    }

    [Fact]
    public async Task A_step_that_throws_is_recorded_as_failed_and_the_next_steps_of_its_decision_do_not_run()
    {
        var ran = new List<string>();
        var decision = new Decision("releng#1", "process", "recent", [],
        [
            new Step("revert", _ => throw new InvalidOperationException("push rejected")),
            new Step("close", _ => { ran.Add("close"); return Task.FromResult(StepResult.Done()); }),
        ]);
        var other = new Decision("releng#2", "process", "recent", [],
            [new Step("close", _ => { ran.Add("other close"); return Task.FromResult(StepResult.AlreadyDone()); })]);

        var outcomes = await new PlanExecutor(TimeProvider.System).ApplyAsync(new Plan("unretire", [decision, other]), _ => { }, CancellationToken.None);

        Assert.Equal(["other close"], ran);
        Assert.Equal([("revert", StepStatus.Failed, "push rejected"), ("close", StepStatus.AlreadyDone, null)],
            outcomes.Select(o => (o.Step, o.Status, o.Detail)));
    }

    [Fact]
    public async Task Cancelling_a_run_stops_it_instead_of_recording_a_failure()
    {
        using var cancel = new CancellationTokenSource();
        var decision = new Decision("releng#1", "process", "recent", [],
            [new Step("revert", ct => { cancel.Cancel(); ct.ThrowIfCancellationRequested(); return Task.FromResult(StepResult.Done()); })]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PlanExecutor(TimeProvider.System).ApplyAsync(new Plan("unretire", [decision]), _ => { }, cancel.Token));
    }
}

using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Faults;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>The unretire job as the real environments run it today: no account directory (FASJSON is Kerberos-only).</summary>
public sealed class UnretireWithoutAccountDirectoryTests
{
    private const string Story = """
        clock: 2026-11-24T12:00:00Z
        people:
          jdoe: {}
          alice: {}
          rosa: { groups: [releng] }
        pagure:
          projects:
            releng:
              close_statuses: [Fixed, Invalid, Duplicate]
              issues:
                - { id: 1, title: "Unretire rpms/python-pyte", author: jdoe, days_ago: 1, body: "Branches: rawhide" }
                - { id: 2, title: "Unretire rpms/libfoo", author: alice, days_ago: 1, body: "Branches: rawhide",
                    comments: [ { author: rosa, body: "@releng-bot retry", days_ago: 0 } ] }
        distgit:
          rpms/python-pyte:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired: replaced by python3-pyte", days_ago: 21 }
          rpms/libfoo:
            owner: orphan
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 700 }
                - { retire: "Orphaned for 6+ weeks", days_ago: 14 }
        koji:
          tags:
            f44: { packages: { python-pyte: { blocked: true }, libfoo: { blocked: true } } }
        """;

    [Theory]
    [InlineData("report")]
    [InlineData("all")]
    public async Task The_report_is_posted_with_unknown_accounts_and_the_ticket_is_told_once_it_waits_for_a_person(string phase)
    {
        await using var world = UnretireStories.Start(Story, standIns: false);

        var (plan, outcomes) = await world.ApplyAsync(world.UnretireJob(phase));
        var (again, _) = await world.ApplyAsync(world.UnretireJob(phase));

        Assert.Equal(["releng#1", "releng#2"], plan.Decisions.Select(d => d.Subject));
        Assert.All(plan.Decisions, decision =>
        {
            Assert.Equal("needs-human", decision.Action);
            Assert.Equal(NoDirectory, decision.Reason);
        });
        Assert.All(plan.Decisions, decision => Assert.Equal(
            ["comment: unretirement report", $"comment on {decision.Subject} (waits for a person)"], decision.Steps.Select(s => s.Name)));
        Assert.All(outcomes, o => Assert.Equal(StepStatus.Done, o.Status));
        var comments = (await world.TicketAsync(1)).Comments.Select(c => c.Text).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Contains("Fedora account of the requester @jdoe (is it a packager?): **unknown**: " + NoDirectory + ".", comments[0], StringComparison.Ordinal);
        Assert.StartsWith($"This ticket waits for a person: {NoDirectory}. A member of the `releng` group will look at it", comments[1], StringComparison.Ordinal);
        // rosa's retry needs to know whether she is in releng: it is neither honoured nor refused, and waits.
        var second = (await world.TicketAsync(2)).Comments;
        Assert.Equal(3, second.Count);
        Assert.DoesNotContain(second.Skip(1), c => BotMarker.ReadAll(c.Text).Any(m => m[BotMarker.AnswersField] is not null));
        Assert.True((await world.TicketAsync(1)).IsOpen);
        Assert.All(again.Decisions, d => Assert.Empty(d.Steps));
        Assert.Equal(0, again.WriteCount);
    }

    [Fact]
    public async Task With_fasjson_down_the_report_says_unknown_nothing_is_unretired_and_a_second_run_writes_nothing()
    {
        var fasjsonDown = new OnlyFasjson(new FaultInjection(new FaultSettings(1, 1) { Kinds = [FaultKind.Unavailable] }));
        await using var world = TestSandbox.FromYaml(Story, new TestSandboxOptions { ScenarioClock = true, StandIns = true, Behaviours = [fasjsonDown] });
        var head = await world.HeadAsync("rpms/python-pyte", "rawhide");

        var (plan, outcomes) = await world.ApplyAsync(world.UnretireJob("all", ticket: 1));
        var (again, _) = await world.ApplyAsync(world.UnretireJob("all", ticket: 1));

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal("needs-human", decision.Action);
        Assert.StartsWith("cannot verify Fedora accounts", decision.Reason, StringComparison.Ordinal);
        Assert.Contains(decision.Evidence, e => e.Fact == "requester account" && e.Value == "unknown");
        Assert.Equal(["comment: unretirement report", "comment on releng#1 (waits for a person)"], outcomes.Select(o => o.Step));
        Assert.All(outcomes, o => Assert.Equal(StepStatus.Done, o.Status));
        var comments = (await world.TicketAsync(1)).Comments.Select(c => c.Text).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Contains("**Verdict: ⏳ no check says no, but the Fedora accounts cannot be verified now", comments[0], StringComparison.Ordinal);
        Assert.Contains("(is it a packager?): **unknown**: cannot verify Fedora accounts", comments[0], StringComparison.Ordinal);
        Assert.StartsWith("This ticket waits for a person: cannot verify Fedora accounts", comments[1], StringComparison.Ordinal);
        Assert.Equal(head, await world.HeadAsync("rpms/python-pyte", "rawhide"));
        Assert.True((await world.TicketAsync(1)).IsOpen);
        Assert.Equal(0, again.WriteCount);
        Assert.NotEmpty(fasjsonDown.Faults.Injected);
    }

    private const string OldRetirementWithReview = """
        clock: 2026-11-24T12:00:00Z
        people:
          jdoe: { groups: [packager] }
          rita: { groups: [packager] }
        pagure:
          projects:
            releng:
              close_statuses: [Fixed, Invalid, Duplicate]
              issues:
                - { id: 1, title: "Unretire rpms/python-pyte", author: jdoe, days_ago: 1,
                    body: "Branches: rawhide\nReview bug: https://bugzilla.redhat.com/show_bug.cgi?id=2300001" }
        distgit:
          rpms/python-pyte:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired: unmaintained", days_ago: 70 }
        koji:
          tags:
            f44: { packages: { python-pyte: { blocked: true } } }
        bugzilla:
          bugs:
            - { id: 2300001, summary: "Review Request: python-pyte - A terminal emulator", creator: jdoe, assigned_to: rita, days_ago: 20,
                flags: [ { name: fedora-review, status: "+", setter: rita, days_ago: 4 } ] }
        """;

    [Fact]
    public async Task When_the_review_bugs_people_cannot_be_looked_up_the_report_says_the_review_is_unknown_and_nothing_is_unretired()
    {
        var approverDown = new OnlyFasjson(new FaultInjection(new FaultSettings(1, 1) { Kinds = [FaultKind.Unavailable] }), pathContains: "/users/rita/");
        await using var world = TestSandbox.FromYaml(OldRetirementWithReview,
            new TestSandboxOptions { ScenarioClock = true, StandIns = true, Behaviours = [approverDown] });
        var head = await world.HeadAsync("rpms/python-pyte", "rawhide");

        var (plan, outcomes) = await world.ApplyAsync(world.UnretireJob("all", ticket: 1));
        var (again, _) = await world.ApplyAsync(world.UnretireJob("all", ticket: 1));

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal("needs-human", decision.Action);
        Assert.Equal(["comment: unretirement report", "comment on releng#1 (waits for a person)"], outcomes.Select(o => o.Step));
        var comments = (await world.TicketAsync(1)).Comments.Select(c => c.Text).ToList();
        Assert.Equal(2, comments.Count);
        Assert.DoesNotContain("(is it a packager?)", comments[0], StringComparison.Ordinal); // the requester was looked up
        var reviewLine = Assert.Single(comments[0].Split('\n'), l => l.StartsWith("Review bug: [2300001](", StringComparison.Ordinal));
        Assert.Contains("): **unknown**: ", reviewLine, StringComparison.Ordinal);
        Assert.Contains("**Verdict: ⏳", comments[0], StringComparison.Ordinal);
        Assert.StartsWith("This ticket waits for a person: ", comments[1], StringComparison.Ordinal);
        Assert.Equal(head, await world.HeadAsync("rpms/python-pyte", "rawhide"));
        Assert.True((await world.TicketAsync(1)).IsOpen);
        Assert.Equal(0, again.WriteCount);
        Assert.NotEmpty(approverDown.Faults.Injected);
    }

    private const string NoDirectory = "cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set";

    /// <summary>Faults on the account directory only (on the paths containing <paramref name="pathContains"/>); every other fake answers as usual.</summary>
    private sealed class OnlyFasjson(FaultInjection faults, string pathContains = "/") : IFakeBehaviour
    {
        public FaultInjection Faults => faults;

        public Task<bool> BeforeAnswerAsync(string service, Microsoft.AspNetCore.Http.HttpContext context, CancellationToken cancellationToken) =>
            service == ServiceName.Fasjson && context.Request.Path.Value?.Contains(pathContains, StringComparison.Ordinal) == true
                ? faults.BeforeAnswerAsync(service, context, cancellationToken)
                : Task.FromResult(false);
    }
}

using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;
using Releng.Jobs.Unretire;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>The unretire job against the sandbox fakes, through the production clients.</summary>
public sealed class UnretireJobEndToEndTests
{
    private const string Story = """
        clock: 2026-11-24T12:00:00Z
        people:
          releng-bot: { groups: [releng] }
          jdoe: {}
          alice: {}
          eve: { packager: false }
        pagure:
          projects:
            releng:
              close_statuses: [Fixed, Invalid, Duplicate]
              issues:
                - { id: 1, title: "Unretire rpms/python-pyte", author: jdoe, days_ago: 1, body: "Branches: rawhide f43" }
                - { id: 2, title: "Unretire rpms/libfoo", author: alice, days_ago: 1, body: "Branches: rawhide" }
                - { id: 3, title: "Unretire rpms/libbar", author: eve, days_ago: 1, body: "Branches: rawhide" }
        distgit:
          rpms/python-pyte:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired: replaced by python3-pyte", days_ago: 21 }
              f43: same-as rawhide
          rpms/libfoo:
            owner: orphan
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 700 }
                - { retire: "Orphaned for 6+ weeks", days_ago: 14 }
          rpms/libbar:
            owner: orphan
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 700 }
                - { retire: "Orphaned for 6+ weeks", days_ago: 9 }
        koji:
          tags:
            f44: { packages: { python-pyte: { blocked: true }, libfoo: { blocked: true }, libbar: { blocked: true } } }
            f43: { packages: { python-pyte: { blocked: true } } }
        """;

    [Fact]
    public async Task Recent_clean_ticket_is_reverted_unblocked_announced_and_closed()
    {
        await using var world = UnretireStories.Start(Story);
        var before = await world.HeadAsync("rpms/python-pyte", "rawhide");

        var (plan, outcomes) = await world.ApplyAsync(world.UnretireJob("recent", ticket: 1));

        Assert.Equal("process", Assert.Single(plan.Decisions).Action);
        Assert.All(outcomes, o => Assert.Equal(StepStatus.Done, o.Status));
        var ticket = await world.TicketAsync(1);
        Assert.False(ticket.IsOpen);
        Assert.Equal("Fixed", ticket.CloseStatus);
        var rawhide = await world.HeadAsync("rpms/python-pyte", "rawhide");
        Assert.NotEqual(before, rawhide);
        Assert.Equal(rawhide, await world.HeadAsync("rpms/python-pyte", "f43"));
        var koji = (IKojiPackageBlocks)world.Services.GetService(typeof(IKojiPackageBlocks))!;
        Assert.False(await koji.IsBlockedAsync("f44", "python-pyte"));
        Assert.False(await koji.IsBlockedAsync("f43", "python-pyte"));
        var report = ticket.LatestMarked("releng-bot", UnretireReport.MarkerKind)!.Comment.Text;
        Assert.Contains("**Verdict: ✅ every check passes; the bot unretires it now**", report);
        Assert.Contains("| Age | 21 days: within 8 weeks (56 days), no re-review needed |", report);
        var done = ticket.LatestMarked("releng-bot", UnretireComments.DoneKind)!.Comment.Text;
        Assert.Contains("- Koji: unblocked `python-pyte` in `f44`", done);
        Assert.Contains("f43 has the same history as rawhide", done);
        Assert.Contains($"/rpms/python-pyte/c/{rawhide}", done);
    }

    [Fact]
    public async Task Revert_commits_are_dated_by_the_scenario_clock()
    {
        await using var world = UnretireStories.Start(Story);

        await world.ApplyAsync(world.UnretireJob("recent", ticket: 1));

        var repository = world.World.DistGit.RepositoryPath("rpms", "python-pyte");
        var dates = Releng.Jobs.Sandbox.DistGit.Git.Run(repository, "log", "-1", "--format=%at %ct %s", "rawhide").Trim();
        var clock = world.World.Clock.ToUnixTimeSeconds();
        Assert.StartsWith($"{clock} {clock} ", dates, StringComparison.Ordinal);
        Assert.Matches(@" Unretirement request: \S+/releng/issue/1$", dates);
    }

    [Fact]
    public async Task Orphaned_package_is_given_to_the_requester()
    {
        await using var world = UnretireStories.Start(Story);

        await world.ApplyAsync(world.UnretireJob("recent", ticket: 2));

        var project = await ((Releng.Jobs.DistGit.IDistGit)world.Services.GetService(typeof(Releng.Jobs.DistGit.IDistGit))!).GetProjectAsync(Releng.Jobs.DistGit.DistGitRepo.Parse("rpms/libfoo"));
        Assert.Equal("alice", project!.Owner);
        var done = (await world.TicketAsync(2)).LatestMarked("releng-bot", UnretireComments.DoneKind)!.Comment.Text;
        Assert.Contains("- Owner: the package was orphaned; @alice is now its main admin", done);
    }

    [Fact]
    public async Task Requester_outside_the_packager_group_is_refused_and_the_ticket_stays_open()
    {
        await using var world = UnretireStories.Start(Story);
        var head = await world.HeadAsync("rpms/libbar", "rawhide");

        var (plan, _) = await world.ApplyAsync(world.UnretireJob("all", ticket: 3));

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal("refuse", decision.Action);
        Assert.Equal(["comment: unretirement report"], decision.Steps.Select(s => s.Name));
        var ticket = await world.TicketAsync(3);
        Assert.True(ticket.IsOpen);
        Assert.Contains("- @eve is not in the `packager` group; only packagers can take over a package", ticket.Comments[^1].Text);
        Assert.Equal(head, await world.HeadAsync("rpms/libbar", "rawhide"));
    }

    [Fact]
    public async Task A_second_apply_writes_nothing()
    {
        await using var world = UnretireStories.Start(Story);
        await world.ApplyAsync(world.UnretireJob("all"));
        var writes = world.World.Pagure.Writes.Count;
        var kojiEvents = world.World.Koji.Events.Count;
        var heads = await Task.WhenAll(world.HeadAsync("rpms/python-pyte", "rawhide"), world.HeadAsync("rpms/libfoo", "rawhide"));

        var (plan, outcomes) = await world.ApplyAsync(world.UnretireJob("all"));

        Assert.Equal(0, plan.WriteCount);
        Assert.Empty(outcomes);
        Assert.Equal(writes, world.World.Pagure.Writes.Count);
        Assert.Equal(kojiEvents, world.World.Koji.Events.Count);
        Assert.Equal(heads, await Task.WhenAll(world.HeadAsync("rpms/python-pyte", "rawhide"), world.HeadAsync("rpms/libfoo", "rawhide")));
    }

    [Fact]
    public async Task A_run_that_died_before_the_close_is_finished_without_a_second_revert_unblock_or_comment()
    {
        await using var world = UnretireStories.Start(Story);
        var failing = new CloseFailsOnce(world.Tracker);
        var (_, first) = await world.ApplyAsync(world.UnretireJob("recent", ticket: 1, tracker: failing));
        Assert.Equal(StepStatus.Failed, first[^1].Status);
        var head = await world.HeadAsync("rpms/python-pyte", "rawhide");
        var kojiEvents = world.World.Koji.Events.Count;
        var comments = (await world.TicketAsync(1)).Comments.Count;

        var (plan, second) = await world.ApplyAsync(world.UnretireJob("recent", ticket: 1));

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal("finish", decision.Action);
        Assert.Equal(["close as processed"], decision.Steps.Select(s => s.Name));
        Assert.Equal(StepStatus.Done, Assert.Single(second).Status);
        Assert.Equal(head, await world.HeadAsync("rpms/python-pyte", "rawhide"));
        Assert.Equal(kojiEvents, world.World.Koji.Events.Count);
        var ticket = await world.TicketAsync(1);
        Assert.False(ticket.IsOpen);
        Assert.Equal(comments + 1, ticket.Comments.Count); // only the tracker's own close notice
        Assert.Single(ticket.Marked("releng-bot", UnretireComments.DoneKind));
        Assert.Single(ticket.Marked("releng-bot", UnretireReport.MarkerKind));
    }

    [Fact]
    public async Task A_run_that_died_after_the_revert_finishes_the_unblock_and_the_close()
    {
        await using var world = UnretireStories.Start(Story);
        var failing = new CommentFailsAfter(world.Tracker, allowed: 1);
        await world.ApplyAsync(world.UnretireJob("recent", ticket: 1, tracker: failing));
        var koji = (IKojiPackageBlocks)world.Services.GetService(typeof(IKojiPackageBlocks))!;
        var head = await world.HeadAsync("rpms/python-pyte", "rawhide");

        var (_, outcomes) = await world.ApplyAsync(world.UnretireJob("recent", ticket: 1));

        Assert.Equal(head, await world.HeadAsync("rpms/python-pyte", "rawhide"));
        Assert.DoesNotContain(outcomes, o => o.Status == StepStatus.Failed);
        Assert.Contains(outcomes, o => o.Step.StartsWith("revert", StringComparison.Ordinal) && o.Status == StepStatus.AlreadyDone);
        Assert.False(await koji.IsBlockedAsync("f44", "python-pyte"));
        var ticket = await world.TicketAsync(1);
        Assert.False(ticket.IsOpen);
        var done = Assert.Single(ticket.Marked("releng-bot", UnretireComments.DoneKind)).Comment.Text;
        Assert.Contains($"/rpms/python-pyte/c/{head}", done);
    }

    [Fact]
    public async Task Default_scenario_reaches_every_decision()
    {
        await using var world = UnretireStories.StartDefault();

        var recent = await world.UnretireJob("recent").PlanAsync(CancellationToken.None);
        var all = await world.UnretireJob("all").PlanAsync(CancellationToken.None);

        string Action(Plan plan, int id) => plan.Decisions.Single(d => d.Subject == $"releng#{id}").Action;
        Assert.Equal("process", Action(recent, 12001));
        Assert.Equal("process", Action(recent, 12002));
        Assert.Equal("ask-for-info", Action(recent, 12003));
        Assert.Equal("report", Action(recent, 12004));
        Assert.Equal("process", Action(all, 12004));
        Assert.Equal("refuse", Action(recent, 12005));
        Assert.Equal("refuse", Action(recent, 12006));
        Assert.Equal("refuse", Action(recent, 12007));
        Assert.Equal("ask-for-info", Action(recent, 12008));
        Assert.Equal("ask-for-info", Action(recent, 12009));
        Assert.Equal("finish", Action(recent, 12010));
        Assert.Equal("refuse", Action(recent, 12011));
        Assert.Equal("refuse", Action(recent, 12012));
        Assert.Equal("process", Action(recent, 12013));
        Assert.DoesNotContain(recent.Decisions, d => d.Subject == "releng#12000");
        var rules = Enumerable.Range(12020, 15).Select(id => recent.Decisions.Single(d => d.Subject == $"releng#{id}"))
            .Select(d => d.Evidence.Single(e => e.Fact == "review bug").Value.Split(": ")[1]).ToList();
        Assert.Equal(15, rules.Distinct().Count());
        Assert.All(rules, r => Assert.DoesNotContain(";", r));
    }

    /// <summary>A tracker whose first close fails, as if the run died just before it.</summary>
    private sealed class CloseFailsOnce(ITicketTracker inner) : TrackerDecorator(inner)
    {
        private int _closes;

        public override Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _closes) == 1
                ? throw new HttpRequestException("connection reset")
                : base.CloseAsync(project, id, closeStatus, cancellationToken);
    }

    /// <summary>A tracker that takes <c>allowed</c> comments and then fails: the run dies after the revert and the unblock.</summary>
    private sealed class CommentFailsAfter(ITicketTracker inner, int allowed) : TrackerDecorator(inner)
    {
        private int _comments;

        public override Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _comments) > allowed
                ? throw new HttpRequestException("connection reset")
                : base.CommentAsync(project, id, text, cancellationToken);
    }
}

using Releng.Jobs.Sandbox.Pagure;
using Releng.Jobs.Tests.Sandbox;
using Releng.Jobs.Tickets;
using Releng.Jobs.Unretire;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>Who may ask the unretire bot to <c>retry</c>, and who the bot is.</summary>
public sealed class UnretireCommandsTests
{
    private const string Story = """
        clock: 2026-11-24T12:00:00Z
        people:
          releng-bot: { groups: [releng] }
          jdoe: {}
          rosa: { groups: [releng] }
          asa: {}
          mallory: {}
        pagure:
          projects:
            releng:
              close_statuses: [Fixed, Invalid, Duplicate]
              issues:
                - { id: 1, title: "Unretire rpms/python-pyte", author: jdoe, assignee: asa, days_ago: 1, body: "Branches: rawhide" }
        distgit:
          rpms/python-pyte:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired: replaced by python3-pyte", days_ago: 21 }
        koji:
          tags:
            f44: { packages: { python-pyte: { blocked: true } } }
        """;

    [Fact]
    public async Task Retry_from_a_releng_member_forces_a_fresh_report_and_from_anyone_else_gets_help()
    {
        await using var world = UnretireStories.Start(Story);
        await world.ApplyAsync(world.UnretireJob("report"));
        Comment(world, 990001, "rosa");
        Comment(world, 990002, "asa");
        Comment(world, 990003, "mallory");

        var (plan, _) = await world.ApplyAsync(world.UnretireJob("report"));

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal(["answer comments 990002, 990003", "comment: unretirement report"], decision.Steps.Select(s => s.Name));
        var ticket = await world.TicketAsync(1);
        var reports = ticket.Marked("releng-bot", UnretireReport.MarkerKind).ToList();
        Assert.Equal(2, reports.Count);
        Assert.Equal("990001", reports[^1].Marker[BotMarker.AnswersField]);
        var help = ticket.LatestMarked("releng-bot", UnretireComments.HelpKind)!;
        Assert.Equal("990002,990003", help.Marker[BotMarker.AnswersField]);
        Assert.Contains("- @asa, @mallory (comments 990002, 990003): only the requester or a member of the `releng` group can ask for a retry.", help.Comment.Text);
    }

    [Fact]
    public async Task Retry_from_the_requester_forces_a_fresh_report()
    {
        await using var world = UnretireStories.Start(Story);
        await world.ApplyAsync(world.UnretireJob("report"));
        Comment(world, 990001, "jdoe");

        var (plan, _) = await world.ApplyAsync(world.UnretireJob("report"));

        Assert.Equal(["comment: unretirement report"], Assert.Single(plan.Decisions).Steps.Select(s => s.Name));
        var ticket = await world.TicketAsync(1);
        Assert.Equal("990001", ticket.LatestMarked("releng-bot", UnretireReport.MarkerKind)!.Marker[BotMarker.AnswersField]);
    }

    [Fact]
    public async Task With_a_token_its_account_is_the_bot_and_a_different_bot_parameter_is_a_warning()
    {
        await using var world = UnretireStories.Start(Story);
        await world.ApplyAsync(world.UnretireJob("report"));

        var plan = await world.UnretireJob("report", bot: "other-bot").PlanAsync(CancellationToken.None);

        Assert.Equal(2, plan.Decisions.Count);
        var warning = plan.Decisions[0];
        Assert.Equal(("bot @releng-bot", "warning"), (warning.Subject, warning.Action));
        Assert.Contains("@other-bot", warning.Reason, StringComparison.Ordinal);
        Assert.Empty(warning.Steps);
        // The report releng-bot posted is recognised as the bot's own: nothing to post again.
        Assert.Equal("nothing-to-do", plan.Decisions[1].Action);
    }

    [Fact]
    public async Task Without_a_token_the_bot_parameter_is_the_bot()
    {
        await using var world = UnretireStories.Start(Story.Replace("days_ago: 1, body: \"Branches: rawhide\" }",
            "days_ago: 1, body: \"Branches: rawhide\", comments: [ { author: jdoe, body: \"@custom-bot help\", days_ago: 0 } ] }",
            StringComparison.Ordinal), pagureToken: false);

        var asCustom = await world.UnretireJob("report", bot: "custom-bot").PlanAsync(CancellationToken.None);
        var asDefault = await world.UnretireJob("report").PlanAsync(CancellationToken.None);

        Assert.Contains(Assert.Single(asCustom.Decisions).Steps, s => s.Name.StartsWith("answer comment", StringComparison.Ordinal));
        Assert.DoesNotContain(Assert.Single(asDefault.Decisions).Steps, s => s.Name.StartsWith("answer comment", StringComparison.Ordinal));
    }

    private static void Comment(TestSandbox world, long id, string author)
    {
        lock (world.World.Sync)
        {
            world.World.Pagure.Projects["releng"].Issues.Single(i => i.Id == 1).Comments.Add(new PagureCommentState
            {
                Id = id, Author = author, Text = "@releng-bot retry", DateCreated = world.World.Clock,
            });
        }
    }
}

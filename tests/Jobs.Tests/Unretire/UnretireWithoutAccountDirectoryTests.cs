using Releng.Jobs.Accounts;
using Releng.Jobs.Planning;

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
    public async Task Every_ticket_is_left_for_a_person_who_is_told_once_what_it_waits_for_because_no_account_can_be_verified(string phase)
    {
        await using var world = UnretireStories.Start(Story, standIns: false);

        var (plan, outcomes) = await world.ApplyAsync(world.UnretireJob(phase));
        var (again, _) = await world.ApplyAsync(world.UnretireJob(phase));

        Assert.Equal(["releng#1", "releng#2"], plan.Decisions.Select(d => d.Subject));
        Assert.All(plan.Decisions, decision =>
        {
            Assert.Equal("needs-human", decision.Action);
            Assert.Equal("cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set", decision.Reason);
            Assert.Single(decision.Steps);
        });
        Assert.All(outcomes, o => Assert.Equal(Releng.Jobs.Planning.StepStatus.Done, o.Status));
        var told = Assert.Single((await world.TicketAsync(1)).Comments).Text;
        Assert.StartsWith("This ticket waits for a person: cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set. " +
            "A member of the `releng` group will look at it", told, StringComparison.Ordinal);
        Assert.Equal(2, (await world.TicketAsync(2)).Comments.Count);
        Assert.True((await world.TicketAsync(1)).IsOpen);
        Assert.All(again.Decisions, d => Assert.Empty(d.Steps));
    }
}

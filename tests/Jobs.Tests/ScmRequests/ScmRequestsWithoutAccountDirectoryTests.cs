using Releng.Jobs.ScmRequests;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>The scm-requests job as the real environments run it today: no account directory (FASJSON is Kerberos-only).</summary>
public sealed class ScmRequestsWithoutAccountDirectoryTests
{
    /// <summary>
    /// Tickets of the story whose handling depends on who someone is: a review bug (its creator and approver), a
    /// review bug approved by a non-packager, two exception requests (the approvers), a branch request by someone
    /// without access (maybe a provenpackager), one by a provenpackager.
    /// </summary>
    [Fact]
    public async Task Every_ticket_that_needs_an_account_waits_for_a_person_and_says_so_once()
    {
        await using var sandbox = ScmStories.Story(standIns: false);
        int[] tickets = [5001, 5008, 5018, 5019, 5022, 5023];

        foreach (var ticket in tickets)
        {
            var (plan, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket);
            var (again, _) = await sandbox.ApplyScmRequestsAsync(ticket);

            var decision = Assert.Single(plan.Decisions);
            Assert.Equal((ScmDecisionKinds.NeedsHuman, "cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set"),
                (decision.Action, decision.Reason));
            Assert.Single(decision.Steps);
            Assert.Equal(["This ticket waits for a person: cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set. " +
                "A Release Engineering approver (a member of the `releng` group) will look at it; the bot leaves it open, checks it again on every run and says this once."],
                sandbox.BotComments(ticket));
            Assert.Empty(Assert.Single(again.Decisions).Steps);
            Assert.Equal("Open", sandbox.Issue(ticket).Status);
        }
        Assert.All(sandbox.WriteRequests(), write => Assert.Contains("/comment", write, StringComparison.Ordinal));
    }
}

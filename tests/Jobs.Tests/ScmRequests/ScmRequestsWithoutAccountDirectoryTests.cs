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
    public async Task Every_ticket_that_needs_an_account_is_left_untouched_with_the_reason()
    {
        await using var sandbox = ScmStories.Story(standIns: false);
        int[] tickets = [5001, 5008, 5018, 5019, 5022, 5023];

        foreach (var ticket in tickets)
        {
            var (plan, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket);

            var decision = Assert.Single(plan.Decisions);
            Assert.Equal((ScmDecisionKinds.NeedsHuman, "cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set"),
                (decision.Action, decision.Reason));
            Assert.Empty(decision.Steps);
            Assert.Empty(outcomes);
            Assert.Empty(sandbox.BotComments(ticket));
            Assert.Equal("Open", sandbox.Issue(ticket).Status);
        }
        Assert.Empty(sandbox.WriteRequests());
    }
}

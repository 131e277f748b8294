using Releng.Jobs.Planning;
using Releng.Jobs.ScmRequests;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>A run that died half-way is finished by the next one, without repeating what was done.</summary>
public sealed class ScmRequestsRecoveryTests
{
    [Fact]
    public async Task Project_created_by_a_run_that_died_is_recognised_and_the_next_run_completes_the_request()
    {
        await using var sandbox = ScmStories.Story();
        var plan = await sandbox.PlanScmRequestsAsync(ticket: 5002);
        var decision = Assert.Single(plan.Decisions);
        // The first run only created the project, then died.
        Assert.Equal(StepStatus.Done, (await decision.Steps[0].Run(CancellationToken.None)).Status);

        var (resumed, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: 5002);

        var again = Assert.Single(resumed.Decisions);
        Assert.Equal("create-repo", again.Action);
        Assert.Equal(StepStatus.AlreadyDone, outcomes[0].Status);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(StepStatus.Done, o.Status));
        Assert.Equal("ada", sandbox.World.DistGit.Find("rpms", "python-marten")!.Owner);
        Assert.Equal("Processed", sandbox.Issue(5002).CloseStatus);
        Assert.Single(sandbox.BotComments(5002));
    }

    [Fact]
    public async Task Approved_exception_whose_project_a_run_that_died_created_is_finished_and_the_approval_answered_by_the_outcome()
    {
        await using var sandbox = ScmStories.Story();
        var decision = Assert.Single((await sandbox.PlanScmRequestsAsync(ticket: 5020)).Decisions);
        Assert.Equal("create-repo", decision.Action);
        Assert.Equal(StepStatus.Done, (await decision.Steps[0].Run(CancellationToken.None)).Status);

        var (resumed, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: 5020);

        Assert.Equal(["create-repo"], resumed.Decisions.Select(d => d.Action));
        Assert.DoesNotContain(outcomes, o => o.Status == StepStatus.Failed);
        var comment = Assert.Single(sandbox.BotComments(5020));
        Assert.DoesNotContain(ScmMessages.ValidNotNeeded, comment, StringComparison.Ordinal);
        Assert.Equal("Processed", sandbox.Issue(5020).CloseStatus);
    }

    [Fact]
    public async Task Branch_created_by_a_run_that_died_is_recognised_and_the_next_run_completes_the_request()
    {
        await using var sandbox = ScmStories.Story();
        var decision = Assert.Single((await sandbox.PlanScmRequestsAsync(ticket: 5021)).Decisions);
        // The first run said it creates the branch, created it, then died.
        Assert.Equal(["comment on releng/fedora-scm-requests#5021 (scm-creating-branch)", "create branch epel9 of rpms/nethack"],
            decision.Steps.Take(2).Select(s => s.Name));
        Assert.Equal(StepStatus.Done, (await decision.Steps[0].Run(CancellationToken.None)).Status);
        Assert.Equal(StepStatus.Done, (await decision.Steps[1].Run(CancellationToken.None)).Status);

        var (resumed, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: 5021);

        Assert.Equal("create-branch", Assert.Single(resumed.Decisions).Action);
        Assert.Equal([StepStatus.AlreadyDone, StepStatus.Done, StepStatus.Done], outcomes.Select(o => o.Status));
        Assert.Equal([ScmMessages.CreatingBranch("epel9", "rpms/nethack"), ScmMessages.BranchCreated("epel9")], sandbox.BotComments(5021));
        Assert.Equal("Processed", sandbox.Issue(5021).CloseStatus);
    }

    [Fact]
    public async Task A_request_for_a_branch_the_bot_created_for_an_earlier_ticket_is_invalid_naming_the_branch()
    {
        await using var sandbox = ScmStories.Story();
        await sandbox.ApplyScmRequestsAsync(ticket: 5021);
        lock (sandbox.World.Sync)
        {
            var earlier = sandbox.Issue(5021);
            sandbox.World.Pagure.Projects[ScmStories.Tracker].Issues.Add(new Releng.Jobs.Sandbox.Pagure.PagureIssueState
            {
                Id = 5099, Title = earlier.Title, Content = earlier.Content, Author = earlier.Author,
                DateCreated = sandbox.World.Clock, LastUpdated = sandbox.World.Clock,
            });
        }

        var (plan, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: 5099);

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal("invalid", decision.Action);
        Assert.DoesNotContain(outcomes, o => o.Step.StartsWith("create ", StringComparison.Ordinal));
        Assert.Equal(["The branch `epel9` already exists in rpms/nethack"], sandbox.BotComments(5099));
        Assert.Equal("Invalid", sandbox.Issue(5099).CloseStatus);
        Assert.Equal("Processed", sandbox.Issue(5021).CloseStatus);
    }

    [Fact]
    public async Task A_branch_this_ticket_announced_but_never_created_is_created_by_the_next_run_without_announcing_it_again()
    {
        await using var sandbox = ScmStories.Story();
        var decision = Assert.Single((await sandbox.PlanScmRequestsAsync(ticket: 5021)).Decisions);
        Assert.Equal(StepStatus.Done, (await decision.Steps[0].Run(CancellationToken.None)).Status);

        var (resumed, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: 5021);

        Assert.Equal("create-branch", Assert.Single(resumed.Decisions).Action);
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Done], outcomes.Select(o => o.Status));
        Assert.Equal([ScmMessages.CreatingBranch("epel9", "rpms/nethack"), ScmMessages.BranchCreated("epel9")], sandbox.BotComments(5021));
    }

    [Fact]
    public async Task Comment_posted_before_the_run_died_is_not_posted_again()
    {
        await using var sandbox = ScmStories.Story();
        var decision = Assert.Single((await sandbox.PlanScmRequestsAsync(ticket: 5003)).Decisions);
        await decision.Steps[0].Run(CancellationToken.None);

        var (_, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: 5003);

        Assert.Equal([StepStatus.AlreadyDone, StepStatus.Done], outcomes.Select(o => o.Status));
        Assert.Single(sandbox.BotComments(5003));
    }

    [Fact]
    public async Task Retry_after_logging_in_is_answered_by_checking_again()
    {
        await using var sandbox = ScmStories.Story();
        await sandbox.ApplyScmRequestsAsync(ticket: 5017);
        lock (sandbox.World.Sync)
        {
            sandbox.Issue(5017).Comments.Add(new Releng.Jobs.Sandbox.Pagure.PagureCommentState
            {
                Id = 990001, Author = "newcomer", Text = "@releng-bot retry", DateCreated = sandbox.World.Clock,
            });
        }

        var (plan, _) = await sandbox.ApplyScmRequestsAsync(ticket: 5017);

        Assert.Equal("needs-human", Assert.Single(plan.Decisions).Action);
        Assert.Equal(2, sandbox.BotComments(5017).Count);
        var (quiet, _) = await sandbox.ApplyScmRequestsAsync(ticket: 5017);
        Assert.Equal(0, quiet.WriteCount);
    }
}

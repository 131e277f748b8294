using Releng.Jobs.Reviews;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.ScmRequests;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>The default sandbox story (tests/scenarios/scm-requests.yaml), applied: one ticket per decision.</summary>
public sealed class ScmRequestsStoryTests(AppliedStory story) : IClassFixture<AppliedStory>
{
    private string DistGitUrl => story.Sandbox.Endpoints.DistGit.ToString().TrimEnd('/');

    [Theory]
    [InlineData(5001, "create-repo")]
    [InlineData(5002, "create-repo")]
    [InlineData(5003, "invalid")]
    [InlineData(5013, "invalid")]
    [InlineData(5015, "invalid")]
    [InlineData(5016, "invalid")]
    [InlineData(5017, "needs-human")]
    [InlineData(5018, "await-valid")]
    [InlineData(5019, "await-valid")]
    [InlineData(5020, "create-repo")]
    [InlineData(5021, "create-branch")]
    [InlineData(5022, "invalid")]
    [InlineData(5023, "invalid")]
    [InlineData(5024, "invalid")]
    [InlineData(5025, "invalid")]
    [InlineData(5026, "invalid")]
    [InlineData(5027, "create-branch")]
    public void Each_ticket_gets_its_decision(int ticket, string action)
    {
        var decisions = story.FirstPlan.Decisions.Where(d => d.Subject == $"{ScmStories.Tracker}#{ticket}").Select(d => d.Action).ToList();
        Assert.Contains(action, decisions);
    }

    [Theory]
    [InlineData(5003, ReviewMessages.NotProperType)]
    [InlineData(5004, "The Bugzilla bug provided is not for \"Fedora\" or \"Fedora EPEL\"")]
    [InlineData(5005, ReviewMessages.NotAssigned)]
    [InlineData(5006, ReviewMessages.CreatorIsNotRequester)]
    [InlineData(5007, ReviewMessages.NotApproved)]
    [InlineData(5008, ReviewMessages.ApproverNotPackager)]
    [InlineData(5009, ReviewMessages.ApprovedByCreator)]
    [InlineData(5010, ReviewMessages.NotApprovedByAssignee)]
    [InlineData(5011, ReviewMessages.ApprovalExpired)]
    [InlineData(5012, "The package in the Bugzilla bug `python-other` doesn't match the one provided `python-mismatch`")]
    [InlineData(5013, "The Bugzilla bug could not be verified. The following error was encountered: Bug #2499999 does not exist.")]
    [InlineData(5014, "An invalid Bugzilla bug was provided")]
    [InlineData(5015, "The repository name is invalid. It must be at least two characters long with only letters, numbers, hyphens, underscores, plus signs, and/or periods. Please note that the project cannot start with a period or a plus sign.")]
    [InlineData(5016, "The Pagure project already exists")]
    [InlineData(5022, "@cleo is not an admin, committer or collaborator allowed on `epel10` of rpms/zork, so they cannot request this branch. Please ask one of the package's maintainers to request it.")]
    [InlineData(5023, "@pia has commit access only as a provenpackager, and provenpackagers may not request EPEL branches such as `epel9`. Please ask one of the package's maintainers to request it.")]
    [InlineData(5024, "The branch `f43` already exists in rpms/nethack")]
    [InlineData(5025, "Invalid ticket body: broken JSON at line 5, column 1")]
    [InlineData(5026, "Invalid ticket body: unknown action `new_fork` (expected `new_repo` or `new_branch`)")]
    public void Invalid_request_is_answered_with_the_exact_reason_and_closed_as_invalid(int ticket, string comment)
    {
        var issue = story.Sandbox.Issue(ticket);
        Assert.Equal([comment], story.Sandbox.BotComments(ticket));
        Assert.Equal(("Closed", "Invalid"), (issue.Status, issue.CloseStatus));
    }

    [Fact]
    public void Valid_repository_request_creates_the_project_for_the_requester_and_says_so_on_ticket_and_review_bug()
    {
        var world = story.Sandbox.World;
        var project = world.DistGit.Find("rpms", "python-ferret");
        Assert.NotNull(project);
        Assert.Equal("ada", project.Owner);
        var text = $"The Pagure repository was created at {DistGitUrl}/rpms/python-ferret";
        Assert.Equal([text], story.Sandbox.BotComments(5001));
        Assert.Equal(("Closed", "Processed"), (story.Sandbox.Issue(5001).Status, story.Sandbox.Issue(5001).CloseStatus));
        Assert.Single(world.Bugzilla.Find(2400001)!.Comments, c => c.Text == text);
    }

    [Fact]
    public void Repository_request_with_an_epel9_branch_also_creates_that_branch()
    {
        var world = story.Sandbox.World;
        var bare = new BareRepository(world.DistGit.RepositoryPath("rpms", "python-marten"));
        Assert.NotNull(bare.Head("rawhide"));
        Assert.Equal(bare.Head("rawhide"), bare.Head("epel9"));
        Assert.Equal([$"The Pagure repository was created at {DistGitUrl}/rpms/python-marten. You may commit to the branch `epel9` in about 10 minutes."],
            story.Sandbox.BotComments(5002));
        Assert.Equal("Processed", story.Sandbox.Issue(5002).CloseStatus);
    }

    [Fact]
    public void Requester_without_a_dist_git_account_is_asked_to_log_in_and_the_ticket_stays_open()
    {
        var authority = story.Sandbox.Endpoints.DistGit.GetLeftPart(UriPartial.Authority);
        Assert.Equal([$"@newcomer needs to login to {authority} to sync accounts before we can proceed."], story.Sandbox.BotComments(5017));
        Assert.Equal("Open", story.Sandbox.Issue(5017).Status);
    }

    [Fact]
    public void Exception_request_pings_the_approvers_answers_help_and_waits()
    {
        var comments = story.Sandbox.BotComments(5018);
        Assert.Equal(2, comments.Count);
        Assert.StartsWith("Answering comment 1:\n\n- @ada (comment 1): the commands are explained below.\n\nI process new repository and new branch requests.",
            comments[0], StringComparison.Ordinal);
        Assert.Equal("This request wants to skip bugzilla validation! @rosa could you check if this is correct? " +
            "If yes, please respond to this ticket with '@releng-bot valid' comment", comments[1]);
        Assert.Equal("Open", story.Sandbox.Issue(5018).Status);
        Assert.Null(story.Sandbox.World.DistGit.Find("rpms", "python-exempt"));
    }

    [Fact]
    public void Valid_from_someone_who_is_no_approver_is_refused_and_the_request_keeps_waiting()
    {
        Assert.Equal(
        [
            "Answering comment 2:\n\n- @mallory (comment 2): may not validate this request: only the Release Engineering approvers can answer `@releng-bot valid`.",
            "This request wants to skip bugzilla validation! @rosa could you check if this is correct? If yes, please respond to this ticket with '@releng-bot valid' comment",
        ], story.Sandbox.BotComments(5019));
        Assert.Equal("Open", story.Sandbox.Issue(5019).Status);
        Assert.Null(story.Sandbox.World.DistGit.Find("rpms", "python-sneaky"));
    }

    [Fact]
    public void Request_confirmed_by_an_approver_is_processed()
    {
        Assert.Equal([$"The Pagure repository was created at {DistGitUrl}/tests/python-ferret"], story.Sandbox.BotComments(5020));
        Assert.Equal("Processed", story.Sandbox.Issue(5020).CloseStatus);
        Assert.Equal("ada", story.Sandbox.World.DistGit.Find("tests", "python-ferret")!.Owner);
    }

    [Theory]
    [InlineData(5021, "nethack", "epel9")]
    [InlineData(5027, "zork", "epel10")]
    public void Valid_branch_request_creates_the_branch_at_the_first_commit_of_rawhide(int ticket, string package, string branch)
    {
        var bare = new BareRepository(story.Sandbox.World.DistGit.RepositoryPath("rpms", package));
        var first = FirstCommit(bare.Path, "rawhide");
        Assert.Equal(first, bare.Head(branch));
        Assert.Equal([ScmMessages.CreatingBranch(branch, $"rpms/{package}"), ScmMessages.BranchCreated(branch)], story.Sandbox.BotComments(ticket));
        Assert.Equal("Processed", story.Sandbox.Issue(ticket).CloseStatus);
    }

    [Fact]
    public void First_apply_fails_no_step()
    {
        Assert.DoesNotContain(story.FirstOutcomes, o => o.Status == Releng.Jobs.Planning.StepStatus.Failed);
        Assert.Contains(story.FirstOutcomes, o => o.Status == Releng.Jobs.Planning.StepStatus.Done);
    }

    [Fact]
    public void Second_apply_plans_nothing_and_sends_no_write()
    {
        Assert.Equal(0, story.SecondPlan.WriteCount);
        Assert.Empty(story.SecondRunWrites);
        Assert.Equal(["needs-human", "await-valid", "await-valid"], story.SecondPlan.Decisions.Select(d => d.Action));
    }

    internal static string FirstCommit(string bareRepository, string branch)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, WorkingDirectory = bareRepository };
        foreach (var argument in new[] { "rev-list", "--max-parents=0", branch })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim().Split('\n').Last();
    }
}

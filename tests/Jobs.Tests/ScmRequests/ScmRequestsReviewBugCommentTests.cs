using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox.Bugzilla;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>The review bug hears about the new repository once, from the bot's own account, whatever others wrote.</summary>
public sealed class ScmRequestsReviewBugCommentTests
{
    private const int Ticket = 5001;
    private const int ReviewBug = 2400001;
    private const string BotLogin = "releng-bot@fedoraproject.org";

    [Fact]
    public async Task Same_text_quoted_by_a_packager_does_not_stop_the_bots_comment()
    {
        await using var sandbox = ScmStories.Story();
        var text = RepositoryCreated(sandbox);
        AddBugComment(sandbox, "ada@example.org", text);

        var (_, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: Ticket);

        Assert.Equal(StepStatus.Done, BugCommentOutcome(outcomes).Status);
        Assert.Equal(["ada@example.org", BotLogin], CommentsWithText(sandbox, text).Select(c => c.Creator));
    }

    [Fact]
    public async Task Text_merely_contained_in_the_bots_longer_comment_is_not_the_same_comment()
    {
        await using var sandbox = ScmStories.Story();
        var text = RepositoryCreated(sandbox);
        AddBugComment(sandbox, BotLogin, $"Quoting the request: {text}");

        var (_, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: Ticket);

        Assert.Equal(StepStatus.Done, BugCommentOutcome(outcomes).Status);
        Assert.Single(CommentsWithText(sandbox, text));
    }

    [Fact]
    public async Task Bots_own_earlier_comment_is_recognised_and_not_posted_again()
    {
        await using var sandbox = ScmStories.Story();
        var text = RepositoryCreated(sandbox);
        // The login as Bugzilla may spell it back: e-mails compare without case.
        AddBugComment(sandbox, BotLogin.ToUpperInvariant(), text + "\n");

        var (_, outcomes) = await sandbox.ApplyScmRequestsAsync(ticket: Ticket);

        Assert.Equal(StepStatus.AlreadyDone, BugCommentOutcome(outcomes).Status);
        Assert.Single(CommentsWithText(sandbox, text));
    }

    [Fact]
    public async Task Bug_comment_step_run_a_second_time_posts_nothing()
    {
        await using var sandbox = ScmStories.Story();
        var decision = Assert.Single((await sandbox.PlanScmRequestsAsync(ticket: Ticket)).Decisions);
        var step = decision.Steps.Single(s => s.Name == $"comment on bug {ReviewBug}");

        var first = await step.Run(CancellationToken.None);
        sandbox.ResetRequests();
        var second = await step.Run(CancellationToken.None);

        Assert.Equal((StepStatus.Done, StepStatus.AlreadyDone), (first.Status, second.Status));
        Assert.Empty(sandbox.WriteRequests());
        var posted = Assert.Single(CommentsWithText(sandbox, RepositoryCreated(sandbox)));
        Assert.Equal(BotLogin, posted.Creator);
    }

    private static string RepositoryCreated(TestSandbox sandbox) =>
        $"The Pagure repository was created at {sandbox.Endpoints.DistGit.ToString().TrimEnd('/')}/rpms/python-ferret";

    private static Outcome BugCommentOutcome(IReadOnlyList<Outcome> outcomes) =>
        outcomes.Single(o => o.Step == $"comment on bug {ReviewBug}");

    private static void AddBugComment(TestSandbox sandbox, string creator, string text)
    {
        var world = sandbox.World;
        lock (world.Sync)
        {
            var bug = world.Bugzilla.Find(ReviewBug)!;
            bug.Comments.Add(new CommentRecord
            {
                Id = world.Bugzilla.NextCommentId++, Count = bug.Comments.Count, Text = text, Creator = creator, CreationTime = world.Clock,
            });
        }
    }

    private static IReadOnlyList<CommentRecord> CommentsWithText(TestSandbox sandbox, string text)
    {
        lock (sandbox.World.Sync)
        {
            return sandbox.World.Bugzilla.Find(ReviewBug)!.Comments.Where(c => c.Text.TrimEnd() == text).ToList();
        }
    }
}

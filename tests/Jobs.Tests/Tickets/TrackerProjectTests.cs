using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

public sealed class TrackerProjectTests
{
    private const string Bot = "releng-bot";
    private readonly InMemoryTracker _tracker = new(Bot, "Fixed", "Invalid");
    private readonly TrackerProject _project;

    public TrackerProjectTests() => _project = new TrackerProject(_tracker, "releng");

    [Fact]
    public void A_ticket_is_named_by_project_and_number()
    {
        Assert.Equal("releng#12001", _project.Subject(12001));
    }

    [Fact]
    public async Task One_asked_for_ticket_is_read_whatever_it_is_else_the_wanted_open_ones_oldest_first()
    {
        _tracker.Add(3, "Unretire rpms/c");
        _tracker.Add(1, "Unretire rpms/a");
        _tracker.Add(2, "something else");
        _tracker.Add(4, "Unretire rpms/d", open: false);

        var wanted = await _project.ReadTicketsAsync(null, t => t.Title.StartsWith("Unretire", StringComparison.Ordinal), CancellationToken.None);
        var only = await _project.ReadTicketsAsync(4, t => false, CancellationToken.None);
        var missing = await _project.ReadTicketsAsync(99, null, CancellationToken.None);

        Assert.Equal([1, 3], wanted.Select(t => t.Id));
        Assert.Equal([4], only.Select(t => t.Id));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_marked_comment_is_posted_once_and_a_second_run_finds_it_done()
    {
        _tracker.Add(1);
        var step = _project.CommentUnlessMarked("comment: done", 1, Bot, "unretire-done",
            () => BotMarker.Append("Unretired.", "unretire-done"), alreadyPosted: "already announced");

        var first = await step.Run(CancellationToken.None);
        var second = await step.Run(CancellationToken.None);

        Assert.Equal(StepStatus.Done, first.Status);
        Assert.Equal(new StepResult(StepStatus.AlreadyDone, "already announced"), second);
        Assert.Equal(1, _tracker.Writes);
    }

    [Fact]
    public async Task A_marker_someone_else_wrote_does_not_count_as_done()
    {
        _tracker.Add(1);
        _tracker.AddComment(1, "mallory", BotMarker.Append("Unretired (not really).", "unretire-done"));
        var step = _project.CommentUnlessMarked("comment: done", 1, Bot, "unretire-done",
            () => BotMarker.Append("Unretired.", "unretire-done"), alreadyPosted: "already announced");

        var result = await step.Run(CancellationToken.None);

        Assert.Equal(StepStatus.Done, result.Status);
        Assert.Equal(1, _tracker.Writes);
    }

    [Fact]
    public async Task A_comment_step_drafts_from_the_ticket_as_it_is_when_the_step_runs()
    {
        _tracker.Add(1);
        var step = _project.Comment("answer help", 1, current =>
        {
            var pending = current.NotYetAnswered(Bot, current.Comments.Where(c => c.Author != Bot).Select(c => c.Id));
            return pending.Count == 0
                ? TicketCommentDraft.AlreadyPosted("already answered")
                : TicketCommentDraft.Post(BotMarker.Append("Help.", "help", (BotMarker.AnswersField, string.Join(',', pending))), "answered");
        });
        _tracker.AddComment(1, "jdoe", "@releng-bot help");

        var first = await step.Run(CancellationToken.None);
        var second = await step.Run(CancellationToken.None);

        Assert.Equal(new StepResult(StepStatus.Done, "answered"), first);
        Assert.Equal(new StepResult(StepStatus.AlreadyDone, "already answered"), second);
    }

    [Fact]
    public async Task A_comment_another_run_posted_after_the_ticket_was_read_is_seen_right_before_the_write_and_not_posted_again()
    {
        _tracker.Add(1);
        var body = BotMarker.Append("Unretired.", "unretire-done", ("ticket", "1"));
        // The other run's equal comment lands between this step's read of the ticket and its write.
        _tracker.BeforeCommentsRead = id => _tracker.AddComment(id, Bot, body);
        var step = _project.CommentUnlessMarked("comment: done", 1, Bot, "unretire-done", () => body, alreadyPosted: "already announced");

        var result = await step.Run(CancellationToken.None);

        Assert.Equal(new StepResult(StepStatus.AlreadyDone, "already commented (posted meanwhile by another run)"), result);
        Assert.Equal(1, _tracker.CommentReads);
        Assert.Equal(0, _tracker.Writes);
        Assert.Single(_tracker[1].Marked(Bot, "unretire-done"));
    }

    [Fact]
    public async Task A_comment_posted_meanwhile_with_another_marker_or_by_someone_else_does_not_stop_the_write()
    {
        _tracker.Add(1);
        _tracker.BeforeCommentsRead = id =>
        {
            _tracker.AddComment(id, Bot, BotMarker.Append("Older report.", "unretire-report", ("hash", "aaaa")));
            _tracker.AddComment(id, "mallory", BotMarker.Append("Fake.", "unretire-report", ("hash", "bbbb")));
        };
        var step = _project.Comment("comment: report", 1, _ => TicketCommentDraft.Post(BotMarker.Append("Report.", "unretire-report", ("hash", "bbbb")), "report bbbb"));

        var result = await step.Run(CancellationToken.None);

        Assert.Equal(new StepResult(StepStatus.Done, "report bbbb"), result);
        Assert.Equal(1, _tracker.Writes);
    }

    [Fact]
    public async Task The_last_look_before_a_write_is_made_only_when_there_is_something_to_post()
    {
        _tracker.Add(1);
        var step = _project.CommentUnlessMarked("comment: done", 1, Bot, "unretire-done",
            () => BotMarker.Append("Unretired.", "unretire-done"), alreadyPosted: "already announced");

        await step.Run(CancellationToken.None);
        await step.Run(CancellationToken.None);

        Assert.Equal(1, _tracker.CommentReads);
        Assert.Equal(1, _tracker.Writes);
    }

    [Fact]
    public async Task A_step_on_a_ticket_that_disappeared_fails_saying_so()
    {
        _tracker.Add(1);
        var step = _project.CommentUnlessMarked("comment", 1, Bot, "unretire-done", () => "text", alreadyPosted: "done");
        _tracker.Remove(1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => step.Run(CancellationToken.None));

        Assert.Equal("ticket 1 disappeared", error.Message);
    }

    [Fact]
    public async Task Closing_takes_the_first_preferred_status_the_project_has_and_a_second_run_finds_it_closed()
    {
        _tracker.Add(1);
        var step = _project.CloseAsFirstOf("close as processed", 1, "Processed", "fixed");

        var first = await step.Run(CancellationToken.None);
        var second = await step.Run(CancellationToken.None);

        Assert.Equal(new StepResult(StepStatus.Done, "Fixed"), first);
        Assert.Equal(new StepResult(StepStatus.AlreadyDone, "already closed"), second);
        Assert.Equal("Fixed", _tracker[1].CloseStatus);
    }

    [Fact]
    public async Task Closing_without_a_preferred_status_fails_naming_what_the_project_has_and_closes_nothing()
    {
        _tracker.Add(1);
        var step = _project.CloseAsFirstOf("close as processed", 1, "Processed");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => step.Run(CancellationToken.None));

        Assert.Equal("releng has no 'Processed' close status (Fixed, Invalid)", error.Message);
        Assert.True(_tracker[1].IsOpen);
    }
}

using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>A ticket that keeps provoking answers is left for a person with one last comment, never an endless exchange.</summary>
public sealed class CommentBoundTests
{
    private const string Bot = "releng-bot";
    private static readonly DateTimeOffset Filed = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryTracker _tracker = new(Bot, "Fixed");
    private readonly TrackerProject _project;

    public CommentBoundTests() => _project = new TrackerProject(_tracker, "releng");

    [Fact]
    public async Task Past_the_bound_the_ticket_is_left_for_a_person_with_one_last_comment_and_then_nothing()
    {
        var bound = Bound(at: Filed.AddHours(1), maxPerDay: 3);
        _tracker.Add(1);
        for (var i = 0; i < 3; i++)
        {
            _tracker.AddComment(1, Bot, "an answer");
        }

        var left = bound.Apply(_tracker[1], [WouldComment()])!;
        await left.Steps.Single().Run(CancellationToken.None);
        var again = bound.Apply(_tracker[1], [WouldComment()])!;

        Assert.Equal(TicketDecisionKinds.NeedsHuman, left.Action);
        Assert.StartsWith("the bot commented 3 times in the last 24 hours (limit 3): left for a person", left.Reason, StringComparison.Ordinal);
        Assert.Contains("leaves the ticket to a person from Release Engineering", _tracker[1].Comments[^1].Text, StringComparison.Ordinal);
        Assert.Equal(TicketDecisionKinds.NeedsHuman, again.Action);
        Assert.Empty(again.Steps);
        Assert.Equal(1, _tracker.Writes);
    }

    [Fact]
    public void Within_the_bound_the_decisions_stand() =>
        Assert.Null(Bound(at: Filed.AddHours(1), maxPerDay: 5).Apply(WithBotComments(4), [WouldComment()]));

    [Fact]
    public void Comments_older_than_a_day_do_not_count() =>
        Assert.Null(Bound(at: Filed.AddDays(2), maxPerDay: 3).Apply(WithBotComments(10), [WouldComment()]));

    [Fact]
    public void A_ticket_with_nothing_to_write_is_not_touched_whatever_the_count() =>
        Assert.Null(Bound(at: Filed.AddHours(1), maxPerDay: 3).Apply(WithBotComments(10), [Decision.NothingToDo("releng#1", "nothing-to-do", "done")]));

    private Ticket WithBotComments(int count)
    {
        _tracker.Add(1);
        for (var i = 0; i < count; i++)
        {
            _tracker.AddComment(1, Bot, "an answer");
        }
        return _tracker[1];
    }

    private CommentBound Bound(DateTimeOffset at, int maxPerDay) => new(_project, Bot, maxPerDay, new Clock(at));

    private static Decision WouldComment() =>
        new("releng#1", "answer-commands", "answer comment 1", [], [new Step("comment", _ => Task.FromResult(StepResult.Done()))]);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

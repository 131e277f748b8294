using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>Every command of a run is answered in one comment that names the comments it answers.</summary>
public sealed class CommandAnswersTests
{
    private const string Bot = "releng-bot";
    private const string Help = "The commands: `@releng-bot help`.";
    private readonly InMemoryTracker _tracker = new(Bot, "Fixed");
    private readonly TrackerProject _project;

    public CommandAnswersTests() => _project = new TrackerProject(_tracker, "releng");

    [Fact]
    public async Task A_flood_of_commands_gets_one_comment_that_answers_every_one_of_them()
    {
        _tracker.Add(1);
        for (var i = 0; i < 300; i++)
        {
            _tracker.AddComment(1, "mallory", "@releng-bot valid");
        }
        var replies = Replies(_tracker[1], command => new CommandReply(command, "may not validate this request."));

        var outcome = await CommandAnswers.Step(_project, _tracker[1], Bot, "test-answers", replies, Help)!.Run(CancellationToken.None);

        Assert.Equal(StepStatus.Done, outcome.Status);
        Assert.Equal(1, _tracker.Writes);
        var answer = _tracker[1].Comments[^1].Text;
        Assert.StartsWith("Answering 300 comments (1, 2, 3, 4, … 300):\n\n- @mallory (300 comments (1, 2, 3, 4, … 300)): may not validate this request.", answer, StringComparison.Ordinal);
        Assert.Empty(_tracker[1].NotYetAnswered(Bot, Enumerable.Range(1, 300).Select(i => (long)i)));
        Assert.DoesNotContain(Help, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_finds_every_command_answered_and_writes_nothing()
    {
        _tracker.Add(1);
        _tracker.AddComment(1, "jdoe", "@releng-bot help");
        var planned = Replies(_tracker[1], CommandReply.Help);
        await CommandAnswers.Step(_project, _tracker[1], Bot, "test-answers", planned, Help)!.Run(CancellationToken.None);

        var overlapping = await CommandAnswers.Step(_project, _tracker[1], Bot, "test-answers", planned, Help)!.Run(CancellationToken.None);

        Assert.Equal(StepStatus.AlreadyDone, overlapping.Status);
        Assert.Equal(1, _tracker.Writes);
        Assert.Null(CommandAnswers.Step(_project, _tracker[1], Bot, "test-answers", Replies(_tracker[1], CommandReply.Help), Help));
    }

    [Fact]
    public async Task Help_and_refusals_share_one_comment_with_the_help_text_once()
    {
        _tracker.Add(1);
        _tracker.AddComment(1, "jdoe", "@releng-bot help");
        _tracker.AddComment(1, "ann", "@releng-bot help");
        _tracker.AddComment(1, "mallory", "@releng-bot retry");
        var ticket = _tracker[1];
        var commands = BotCommands.Unanswered(ticket, Bot);
        var replies = commands.Where(c => c.Kind == BotCommandKind.Help).Select(CommandReply.Help)
            .Concat(commands.Where(c => c.Kind == BotCommandKind.Retry).Select(c => new CommandReply(c, "only the requester can ask for a retry.")))
            .ToList();

        await CommandAnswers.Step(_project, ticket, Bot, "test-answers", replies, Help)!.Run(CancellationToken.None);

        var answer = Assert.Single(_tracker[1].Comments, c => c.Author == Bot).Text;
        Assert.Contains("Answering comments 1, 2, 3:", answer, StringComparison.Ordinal);
        Assert.Contains("- @jdoe, @ann (comments 1, 2): the commands are explained below.", answer, StringComparison.Ordinal);
        Assert.Contains("- @mallory (comment 3): only the requester can ask for a retry.", answer, StringComparison.Ordinal);
        Assert.Equal(2, answer.Split(Help).Length);
    }

    [Fact]
    public async Task An_answer_is_never_posted_on_a_ticket_closed_by_the_time_the_step_runs()
    {
        _tracker.Add(1);
        _tracker.AddComment(1, "jdoe", "@releng-bot help");
        var step = CommandAnswers.Step(_project, _tracker[1], Bot, "test-answers", Replies(_tracker[1], CommandReply.Help), Help)!;
        await _tracker.CloseAsync("releng", 1, "Fixed");

        var outcome = await step.Run(CancellationToken.None);

        Assert.Equal(StepStatus.AlreadyDone, outcome.Status);
        Assert.DoesNotContain(_tracker[1].Comments, c => c.Author == Bot);
    }

    [Fact]
    public void No_commands_need_no_step() =>
        Assert.Null(CommandAnswers.Step(_project, _tracker.Add(1), Bot, "test-answers", [], Help));

    private static List<CommandReply> Replies(Ticket ticket, Func<BotCommand, CommandReply> reply) =>
        BotCommands.Unanswered(ticket, Bot).Select(reply).ToList();
}

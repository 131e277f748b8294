using Releng.Jobs.Tickets;
using static Releng.Jobs.Tests.Pagure.BotMarkerTests;

namespace Releng.Jobs.Tests.Pagure;

public sealed class BotCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("@releng-bot retry", BotCommandKind.Retry)]
    [InlineData("@Releng-Bot RETRY please", BotCommandKind.Retry)]
    [InlineData("  @releng-bot help", BotCommandKind.Help)]
    [InlineData("Looks fine to me.\n@releng-bot valid", BotCommandKind.Valid)]
    [InlineData("@releng-bot: valid", BotCommandKind.Valid)]
    public void A_command_on_its_own_line_is_found_in_any_case(string text, BotCommandKind expected)
    {
        Assert.Equal([expected], BotCommands.ParseText(text, "releng-bot"));
    }

    [Theory]
    [InlineData("please @releng-bot retry")]
    [InlineData("> @releng-bot retry")]
    [InlineData("```\n@releng-bot retry\n```")]
    [InlineData("@releng-bot retryall")]
    [InlineData("@other-bot retry")]
    [InlineData("@releng-bot")]
    public void Mentions_quotes_code_and_other_bots_are_not_commands(string text)
    {
        Assert.Empty(BotCommands.ParseText(text, "releng-bot"));
    }

    [Fact]
    public void Several_lines_give_several_commands_each_once()
    {
        var commands = BotCommands.ParseText("@releng-bot valid\n@releng-bot retry\n@releng-bot valid", "releng-bot");

        Assert.Equal([BotCommandKind.Valid, BotCommandKind.Retry], commands);
    }

    [Fact]
    public void Commands_carry_author_and_comment_and_skip_system_and_bot_comments()
    {
        var ticket = TicketWith(
            new TicketComment(10, "jdoe", "@releng-bot retry", Now.AddHours(-3)),
            new TicketComment(11, "releng-bot", "Say @releng-bot help\n@releng-bot help", Now.AddHours(-2)),
            new TicketComment(12, "admin", "**Metadata Update from @admin**:\n@releng-bot retry", Now.AddHours(-1), IsSystem: true),
            new TicketComment(13, "sponsor", "@releng-bot valid", Now));

        var commands = BotCommands.Parse(ticket, "releng-bot");

        Assert.Equal(
            [new BotCommand(BotCommandKind.Retry, "jdoe", 10, Now.AddHours(-3)), new BotCommand(BotCommandKind.Valid, "sponsor", 13, Now)],
            commands);
    }

    [Fact]
    public void A_command_answered_by_a_bot_reply_is_not_answered_again()
    {
        var ticket = TicketWith(
            new TicketComment(10, "jdoe", "@releng-bot retry", Now.AddHours(-3)),
            new TicketComment(11, "releng-bot", "Retrying.\n\n" + BotMarker.Write("scm-request", (BotMarker.AnswersField, "10")), Now.AddHours(-2)),
            new TicketComment(12, "mallory", BotMarker.Write("scm-request", (BotMarker.AnswersField, "13")), Now.AddHours(-1)),
            new TicketComment(13, "jdoe", "@releng-bot retry", Now));

        var open = BotCommands.Unanswered(ticket, "releng-bot");

        Assert.Equal([13L], open.Select(command => command.CommentId));
    }
}

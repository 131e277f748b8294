using System.Text.RegularExpressions;

namespace Releng.Jobs.Tickets;

/// <summary>
/// Finds <c>@&lt;bot&gt; retry|help|valid</c> in comments: one command per line, at the start of the line, any letter
/// case (<c>@Releng-Bot RETRY please</c> counts). Quoted lines (<c>&gt;</c>) and fenced code are ignored, as are
/// system comments and the bot's own. A job answers each command comment once, marking its reply with
/// <see cref="BotMarker.AnswersField"/> = the comment id; <see cref="Unanswered"/> leaves those out.
/// </summary>
public static partial class BotCommands
{
    /// <summary>The commands in one comment text, in order, each kind once.</summary>
    public static IReadOnlyList<BotCommandKind> ParseText(string text, string botUser)
    {
        var commands = new List<BotCommandKind>();
        var inFence = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence || line.StartsWith('>'))
            {
                continue;
            }
            var match = CommandPattern().Match(line);
            if (match.Success
                && string.Equals(match.Groups["user"].Value, botUser, StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<BotCommandKind>(match.Groups["command"].Value, ignoreCase: true, out var kind)
                && !commands.Contains(kind))
            {
                commands.Add(kind);
            }
        }
        return commands;
    }

    /// <summary>Every command given on the ticket, oldest first.</summary>
    public static IReadOnlyList<BotCommand> Parse(Ticket ticket, string botUser) =>
        ticket.Comments
            .Where(comment => !comment.IsSystem && !string.Equals(comment.Author, botUser, StringComparison.Ordinal))
            .SelectMany(comment => ParseText(comment.Text, botUser)
                .Select(kind => new BotCommand(kind, comment.Author, comment.Id, comment.Date)))
            .ToList();

    /// <summary>The commands whose comment no bot reply has answered yet.</summary>
    public static IReadOnlyList<BotCommand> Unanswered(Ticket ticket, string botUser)
    {
        var answered = ticket.AnsweredCommentIds(botUser);
        return Parse(ticket, botUser).Where(command => !answered.Contains(command.CommentId)).ToList();
    }

    [GeneratedRegex(@"^@(?<user>[A-Za-z0-9_.-]+)[,:]?\s+(?<command>retry|help|valid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommandPattern();
}

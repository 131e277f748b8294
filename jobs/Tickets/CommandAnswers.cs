using System.Globalization;
using System.Text;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Tickets;

/// <summary>
/// The one way every ticket job answers commands (<c>@releng-bot help</c>, a <c>valid</c> or <c>retry</c> it cannot
/// honour): all of a run's answers on a ticket in one comment, naming the comments it answers, however many there are
/// (a flood of hundreds of commands gets one comment). Its marker's <see cref="BotMarker.AnswersField"/> lists every
/// comment answered, so the next run answers only new ones. The comment is never posted on a ticket that is closed
/// by the time the step runs. Commands a decision honours (a <c>retry</c> that makes the job check again) are
/// answered by that decision's own comment instead.
/// </summary>
public static class CommandAnswers
{
    /// <summary>How many names and comment ids a group shows before "and N more".</summary>
    public const int Shown = 5;

    /// <summary>The name of the step that posts the answers (plans show it).</summary>
    public const string StepPrefix = "answer";

    /// <summary>
    /// The step posting one comment for the <paramref name="replies"/> not answered yet when it runs, marked
    /// <paramref name="kind"/>; null when there is nothing to answer. <paramref name="help"/> is the job's help text.
    /// </summary>
    public static Step? Step(TrackerProject project, Ticket ticket, string bot, string kind, IReadOnlyList<CommandReply> replies, string help)
    {
        if (replies.Count == 0)
        {
            return null;
        }
        var ids = replies.Select(r => r.Command.CommentId).Distinct().ToList();
        return project.Comment($"{StepPrefix} {Describe(ids)}", ticket.Id, current =>
        {
            if (!current.IsOpen)
            {
                return TicketCommentDraft.AlreadyPosted("the ticket is closed: not answered");
            }
            var pending = current.NotYetAnswered(bot, ids).ToHashSet();
            var left = replies.Where(r => pending.Contains(r.Command.CommentId)).ToList();
            return left.Count == 0
                ? TicketCommentDraft.AlreadyPosted("already answered")
                : TicketCommentDraft.Post(Render(left, help, kind), $"answered {Describe(pending.Order().ToList())}");
        });
    }

    /// <summary>The combined comment: one line per distinct answer (its authors and comments), the help text once, the marker.</summary>
    public static string Render(IReadOnlyList<CommandReply> replies, string help, string kind)
    {
        var ids = replies.Select(r => r.Command.CommentId).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Answering {Describe(ids)}:");
        text.AppendLine();
        foreach (var group in replies.GroupBy(r => r.Answer))
        {
            var authors = group.Select(r => r.Command.Author).Distinct(StringComparer.Ordinal).ToList();
            var comments = group.Select(r => r.Command.CommentId).Distinct().Order().ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Names(authors)} ({Describe(comments)}): {group.Key}");
        }
        if (replies.Any(r => r.IsHelp))
        {
            text.AppendLine();
            text.AppendLine(help.TrimEnd());
        }
        return BotMarker.Append(text.ToString(), kind,
            (BotMarker.AnswersField, string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))));
    }

    /// <summary><c>comment 101</c>, <c>comments 101, 102</c>, <c>12 comments (101, 102, … 140)</c>.</summary>
    public static string Describe(IReadOnlyList<long> ids)
    {
        var listed = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        return ids.Count switch
        {
            1 => $"comment {listed[0]}",
            <= Shown => $"comments {string.Join(", ", listed)}",
            _ => $"{ids.Count} comments ({string.Join(", ", listed.Take(Shown - 1))}, … {listed[^1]})",
        };
    }

    private static string Names(IReadOnlyList<string> authors) =>
        authors.Count <= Shown
            ? string.Join(", ", authors.Select(a => "@" + a))
            : string.Join(", ", authors.Take(Shown).Select(a => "@" + a)) + $" and {authors.Count - Shown} more";
}

namespace Releng.Jobs.Tickets;

/// <summary>
/// Reads the jobs' state back from a ticket: the markers in comments written by the bot's own account. A marker typed
/// or quoted by anyone else is ignored, so nobody can fake "already done".
/// </summary>
public static class BotComments
{
    /// <summary>Bot-authored comments carrying a marker (of <paramref name="kind"/> when given), oldest first.</summary>
    public static IReadOnlyList<MarkedComment> Marked(this Ticket ticket, string botUser, string? kind = null) =>
        ticket.Comments
            .Where(comment => !comment.IsSystem && string.Equals(comment.Author, botUser, StringComparison.Ordinal))
            .SelectMany(comment => BotMarker.ReadAll(comment.Text).Select(marker => new MarkedComment(comment, marker)))
            .Where(marked => kind is null || marked.Marker.Kind == kind)
            .ToList();

    /// <summary>The newest bot marker of <paramref name="kind"/>, or null.</summary>
    public static MarkedComment? LatestMarked(this Ticket ticket, string botUser, string kind) =>
        ticket.Marked(botUser, kind).LastOrDefault();

    /// <summary>Ids of the comments the bot has answered (the <see cref="BotMarker.AnswersField"/> of its markers).</summary>
    public static IReadOnlySet<long> AnsweredCommentIds(this Ticket ticket, string botUser) =>
        ticket.Marked(botUser)
            .Select(marked => marked.Marker[BotMarker.AnswersField])
            .OfType<string>()
            .SelectMany(ids => ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(id => long.TryParse(id, out var parsed) ? parsed : (long?)null)
            .OfType<long>()
            .ToHashSet();

    /// <summary>Those of <paramref name="commentIds"/> no bot reply has answered yet, in the given order.</summary>
    public static IReadOnlyList<long> NotYetAnswered(this Ticket ticket, string botUser, IEnumerable<long> commentIds)
    {
        var answered = ticket.AnsweredCommentIds(botUser);
        return commentIds.Where(id => !answered.Contains(id)).ToList();
    }
}

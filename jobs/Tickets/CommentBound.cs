using System.Globalization;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Tickets;

/// <summary>
/// The bound on how much the bot says on one ticket, the same for every ticket job: once the bot's own comments on a
/// ticket in the last 24 hours reach <see cref="MaxPerDay"/>, the ticket is left for a person with one last comment
/// saying so, and nothing else is written there (no answer, no report) until the 24 hours have passed. A ticket that
/// keeps provoking answers (a flood of commands, a requester arguing with the bot) thus gets a bounded number of
/// comments, never an endless exchange.
/// </summary>
public sealed class CommentBound(TrackerProject project, string bot, int maxPerDay, TimeProvider time)
{
    /// <summary>jobs.yaml's default for <c>max_bot_comments_per_day</c>.</summary>
    public const int DefaultMaxPerDay = 5;

    /// <summary>The marker of the last comment, saying the ticket is left for a person.</summary>
    public const string MarkerKind = "left-for-person";

    public int MaxPerDay => maxPerDay;

    /// <summary>
    /// The decision that replaces <paramref name="decisions"/> when the ticket is past the bound and they would write;
    /// null when the ticket is within it (or nothing would be written).
    /// </summary>
    public Decision? Apply(Ticket ticket, IReadOnlyList<Decision> decisions)
    {
        if (!decisions.Any(d => d.Steps.Count > 0))
        {
            return null;
        }
        var since = time.GetUtcNow().AddDays(-1);
        var recent = Recent(ticket, since);
        if (recent.Count < maxPerDay)
        {
            return null;
        }
        var told = Told(ticket, since);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"the bot commented {recent.Count} times in the last 24 hours (limit {maxPerDay}): left for a person{(told ? " (already told)" : "")}");
        var wanted = string.Join("; ", decisions.Where(d => d.Steps.Count > 0).Select(d => $"{d.Action}: {d.Reason}"));
        IReadOnlyList<Step> steps = told
            ? []
            : [project.Comment($"comment on {project.Subject(ticket.Id)} (left for a person)", ticket.Id, current =>
                Told(current, time.GetUtcNow().AddDays(-1))
                    ? TicketCommentDraft.AlreadyPosted("already told")
                    : TicketCommentDraft.Post(Text(recent.Count)))];
        return new Decision(project.Subject(ticket.Id), TicketDecisionKinds.NeedsHuman, reason,
            [new Evidence("bot comments in 24 hours", recent.Count.ToString(CultureInfo.InvariantCulture)), new Evidence("would have done", wanted)],
            steps);
    }

    private static string Text(int count) => BotMarker.Append(
        $"The bot has commented {count.ToString(CultureInfo.InvariantCulture)} times on this ticket in the last 24 hours, which is as much as it may. " +
        "It leaves the ticket to a person from Release Engineering and writes nothing more here for 24 hours; " +
        "commands given meanwhile are answered after that.", MarkerKind);

    private IReadOnlyList<TicketComment> Recent(Ticket ticket, DateTimeOffset since) =>
        ticket.Comments.Where(c => !c.IsSystem && string.Equals(c.Author, bot, StringComparison.Ordinal) && c.Date >= since).ToList();

    private bool Told(Ticket ticket, DateTimeOffset since) =>
        Recent(ticket, since).Any(c => BotMarker.ReadAll(c.Text).Any(m => m.Kind == MarkerKind));
}

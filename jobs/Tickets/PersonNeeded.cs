using Releng.Jobs.Planning;

namespace Releng.Jobs.Tickets;

/// <summary>
/// What every ticket job says when a ticket waits for a person (an answer the run cannot get, such as who someone
/// is in FAS): one comment saying what it waits for and who is to act, posted once per reason (its marker's
/// <c>reason</c>), never on a ticket closed by then. The ticket stays open; the job looks again on every run.
/// </summary>
public static class PersonNeeded
{
    public const string MarkerKind = "waits-for-person";

    /// <summary>The comment: what the ticket waits for (<paramref name="waitsFor"/>) and who acts (<paramref name="who"/>).</summary>
    public static string Text(string waitsFor, string who) =>
        $"This ticket waits for a person: {waitsFor.TrimEnd('.')}. {who} will look at it; the bot leaves it open, checks it again on every run and says this once.";

    /// <summary>True when the bot already said so for <paramref name="reason"/>.</summary>
    public static bool Told(Ticket ticket, string bot, string reason) =>
        ticket.Marked(bot, MarkerKind).Any(m => m.Marker["reason"] == reason);

    /// <summary>The decision for a ticket that waits for a person: one comment the first time, nothing after.</summary>
    public static Decision Decide(TrackerProject project, Ticket ticket, string bot, string kind, string reason, string waitsFor, string who,
        params Evidence[] evidence)
    {
        var subject = project.Subject(ticket.Id);
        if (Told(ticket, bot, reason))
        {
            return new Decision(subject, kind, $"{waitsFor} (already told)", evidence, []);
        }
        var step = project.Comment($"comment on {subject} (waits for a person)", ticket.Id, current =>
            !current.IsOpen || Told(current, bot, reason)
                ? TicketCommentDraft.AlreadyPosted("already told")
                : TicketCommentDraft.Post(BotMarker.Append(Text(waitsFor, who), MarkerKind, ("reason", reason))));
        return new Decision(subject, kind, waitsFor, evidence, [step]);
    }
}

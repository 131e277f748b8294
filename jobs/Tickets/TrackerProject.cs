using Releng.Jobs.Planning;

namespace Releng.Jobs.Tickets;

/// <summary>
/// One project of a ticket tracker (<c>releng</c>, <c>releng/fedora-scm-requests</c>) as a ticket job works on it:
/// reads its tickets, names them in plans, and builds the steps every ticket job takes. Each step re-reads the
/// ticket (or asks the tracker) before it writes, so a second run finds it done.
/// </summary>
public sealed class TrackerProject(ITicketTracker tracker, string project)
{
    public string Name => project;

    public ITicketTracker Tracker => tracker;

    /// <summary>How a ticket is named in plans and the audit: <c>releng#12345</c>.</summary>
    public string Subject(int id) => $"{project}#{id}";

    /// <summary>
    /// Only ticket <paramref name="only"/> when set (whatever it is, so the job can say why it leaves it), else the
    /// open tickets <paramref name="wanted"/> accepts; oldest first.
    /// </summary>
    public async Task<IReadOnlyList<Ticket>> ReadTicketsAsync(int? only, Func<Ticket, bool>? wanted, CancellationToken cancellationToken)
    {
        if (only is { } id)
        {
            var ticket = await tracker.GetTicketAsync(project, id, cancellationToken);
            return ticket is null ? [] : [ticket];
        }
        var open = await tracker.ListOpenTicketsAsync(project, new TicketQuery { OldestFirst = true }, cancellationToken);
        return open.Where(wanted ?? (_ => true)).OrderBy(t => t.Id).ToList();
    }

    /// <summary>
    /// Warnings for the plan when closing as <paramref name="statuses"/> would not record the status (a Forgejo tracker
    /// without the <c>Closed As/…</c> label); the tickets are still answered and closed.
    /// </summary>
    public async Task<IReadOnlyList<Decision>> CloseLabelWarningsAsync(IEnumerable<string> statuses, CancellationToken cancellationToken)
    {
        if (tracker is not ICloseLabelWarnings labels)
        {
            return [];
        }
        var warnings = new List<Decision>();
        foreach (var status in statuses)
        {
            if (await labels.CloseLabelWarningAsync(project, status, cancellationToken) is { } warning)
            {
                warnings.Add(Decision.NothingToDo(project, TicketDecisionKinds.Warning, warning, new Evidence("close status", status)));
            }
        }
        return warnings;
    }

    /// <summary>The ticket as it is now, before a step acts on what planning saw.</summary>
    public async Task<Ticket> ReloadAsync(int id, CancellationToken cancellationToken) =>
        await tracker.GetTicketAsync(project, id, cancellationToken)
            ?? throw new InvalidOperationException($"ticket {id} disappeared");

    /// <summary>
    /// Re-reads the ticket, lets <paramref name="draft"/> say what is left to post (nothing when the bot's marked
    /// comment is there), and posts it. Right before the write it reads the comments once more (one request) and
    /// posts nothing when a comment with an equal marker appeared since the ticket was read: another run posted the
    /// same comment meanwhile. The trackers offer no compare-and-set, so two writes in the very same instant can
    /// still both land; this shrinks that window to the time between that last read and the write.
    /// </summary>
    public Step Comment(string name, int id, Func<Ticket, TicketCommentDraft> draft) => new(name, async ct =>
    {
        var current = await ReloadAsync(id, ct);
        var comment = draft(current);
        if (comment.Body is null)
        {
            return StepResult.AlreadyDone(comment.Detail);
        }
        if (await PostedMeanwhileAsync(current, comment.Body, ct))
        {
            return StepResult.AlreadyDone("already commented (posted meanwhile by another run)");
        }
        await tracker.CommentAsync(project, id, comment.Body, ct);
        return StepResult.Done(comment.Detail);
    });

    /// <summary>
    /// Posts <paramref name="body"/> (written when the step runs, so it can tell what earlier steps did) unless the bot
    /// already posted a comment marked <paramref name="kind"/>.
    /// </summary>
    public Step CommentUnlessMarked(string name, int id, string bot, string kind, Func<string> body, string alreadyPosted, string? done = null) =>
        Comment(name, id, current => current.LatestMarked(bot, kind) is not null
            ? TicketCommentDraft.AlreadyPosted(alreadyPosted)
            : TicketCommentDraft.Post(body(), done));

    /// <summary>Closes the ticket as <paramref name="status"/> (one the project allows) unless it is closed already.</summary>
    public Step Close(string name, int id, string status) => new(name, async ct => await CloseAsync(id, status, ct));

    /// <summary>
    /// Closes the ticket as the first of <paramref name="preferred"/> the project allows, asked when the step runs,
    /// unless it is closed already.
    /// </summary>
    public Step CloseAsFirstOf(string name, int id, params string[] preferred) => new(name, async ct =>
    {
        var statuses = await tracker.GetCloseStatusesAsync(project, ct);
        var status = CloseStatuses.Choose(statuses, preferred)
            ?? throw new InvalidOperationException(
                $"{project} has no {string.Join(" or ", preferred.Select(p => $"'{p}'"))} close status ({string.Join(", ", statuses)})");
        return await CloseAsync(id, status, ct);
    });

    /// <summary>
    /// True when a comment carrying the same markers as <paramref name="body"/>, by the bot that wrote the ticket's
    /// marked comments, is on the ticket now but was not in <paramref name="read"/>. An unmarked body is never skipped.
    /// </summary>
    private async Task<bool> PostedMeanwhileAsync(Ticket read, string body, CancellationToken cancellationToken)
    {
        var wanted = MarkerKeys(body);
        if (wanted.Count == 0)
        {
            return false;
        }
        var bot = await tracker.WhoAmIAsync(cancellationToken);
        var seen = read.Comments.Select(c => c.Id).ToHashSet();
        var now = await tracker.GetCommentsAsync(project, read.Id, cancellationToken);
        return now.Any(c => !seen.Contains(c.Id) && !c.IsSystem
            && string.Equals(c.Author, bot, StringComparison.Ordinal)
            && MarkerKeys(c.Text).SetEquals(wanted));
    }

    // A marker's identity: kind, version and every field, in a form two markers can be compared by.
    private static HashSet<string> MarkerKeys(string text) =>
        BotMarker.ReadAll(text)
            .Select(m => BotMarker.Write(m.Kind, m.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToArray()) + m.Version)
            .ToHashSet(StringComparer.Ordinal);

    private async Task<StepResult> CloseAsync(int id, string status, CancellationToken cancellationToken) =>
        await tracker.CloseAsync(project, id, status, cancellationToken)
            ? StepResult.Done(status)
            : StepResult.AlreadyDone("already closed");
}

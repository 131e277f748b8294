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
    /// comment is there), and posts it.
    /// </summary>
    public Step Comment(string name, int id, Func<Ticket, TicketCommentDraft> draft) => new(name, async ct =>
    {
        var current = await ReloadAsync(id, ct);
        var comment = draft(current);
        if (comment.Body is null)
        {
            return StepResult.AlreadyDone(comment.Detail);
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

    private async Task<StepResult> CloseAsync(int id, string status, CancellationToken cancellationToken) =>
        await tracker.CloseAsync(project, id, status, cancellationToken)
            ? StepResult.Done(status)
            : StepResult.AlreadyDone("already closed");
}

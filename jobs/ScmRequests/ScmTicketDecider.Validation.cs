using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

public sealed partial class ScmTicketDecider
{
    /// <summary>
    /// Who confirmed the request with <c>valid</c> (the first authorized one, answered or not); the others who tried
    /// get a refusal in the run's one answer (<see cref="Replies"/>).
    /// </summary>
    private async Task<BotCommand?> ValidationsAsync(CancellationToken cancellationToken)
    {
        BotCommand? confirmed = null;
        var refused = new List<BotCommand>();
        var open = unanswered.Select(c => c.CommentId).ToHashSet();
        foreach (var command in BotCommands.Parse(ticket, Bot).Where(c => c.Kind == BotCommandKind.Valid))
        {
            if (await run.IsApproverAsync(command.Author, cancellationToken))
            {
                confirmed ??= command;
            }
            else if (open.Contains(command.CommentId))
            {
                refused.Add(command);
            }
        }
        _replies.AddRange(refused.Select(command => new CommandReply(command, ScmMessages.ValidRefused(Bot))));
        return confirmed;
    }

    /// <summary><c>valid</c> on a request that needs no validation: thank and explain, in the run's one answer.</summary>
    private void AnswerNeedlessValid() =>
        _replies.AddRange(unanswered.Where(c => c.Kind == BotCommandKind.Valid).Select(command => new CommandReply(command, ScmMessages.ValidNotNeeded)));

    private async Task<Decision> AwaitValidAsync(CancellationToken cancellationToken)
    {
        var approvers = await run.ApproversAsync(cancellationToken);
        var pinged = ticket.LatestMarked(Bot, ScmMarkers.AwaitValid) is not null;
        var retries = RetryIds.ToList();
        IReadOnlyList<Step> steps = pinged && retries.Count == 0
            ? []
            : [Steps.Comment(ticket, ScmMarkers.AwaitValid, ScmMessages.ValidationPing(approvers, Bot), retries, force: retries.Count > 0)];
        _evidence.Add(new Evidence("approvers", string.Join(", ", approvers)));
        return new Decision(_subject, ScmDecisionKinds.AwaitValid,
            pinged ? "waiting for an approver's '@" + Bot + " valid'" : "skips the review: ask the approvers to confirm", _evidence.ToList(), steps);
    }
}

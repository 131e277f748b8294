using System.Globalization;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Decides each ticket of one scm-requests run (<see cref="ScmDecisionKinds"/>): answers to commands first, then
/// the request itself, reasoned about by a <see cref="ScmTicketDecider"/>. It only reads; <see cref="ScmRequestsSteps"/>
/// builds the writes.
/// </summary>
public sealed class ScmRequestsDecider(
    ScmRequestsOptions options,
    TrackerProject project,
    string bot,
    IDistGit distGit,
    IBugzilla bugzilla,
    GitClient git,
    IAccountDirectory accounts,
    ScmBranchRights rights,
    TimeProvider time,
    ScmRequestsSteps steps) : ITicketDecider
{
    public string Bot => bot;
    public IDistGit DistGit => distGit;
    public IBugzilla Bugzilla => bugzilla;
    public GitClient Git => git;
    public IAccountDirectory Accounts => accounts;
    public ScmBranchRights Rights => rights;
    public TimeProvider Time => time;
    public ScmRequestsSteps Steps => steps;

    public string Subject(Ticket ticket) => project.Subject(ticket.Id);

    /// <summary>The decisions about one ticket: answers to commands first, then the request itself.</summary>
    public async Task<IReadOnlyList<Decision>> DecideAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var subject = Subject(ticket);
        if (!ticket.IsOpen)
        {
            return [Decision.NothingToDo(subject, ScmDecisionKinds.NothingToDo, $"closed ({ticket.CloseStatus ?? "no close status"})")];
        }
        if (UnretirementRequests.Claims(ticket))
        {
            // fedpkg request-unretirement files here too; the unretire job answers those, and only it.
            return [Decision.NothingToDo(subject, ScmDecisionKinds.NothingToDo, "an unretirement request: left to the unretire job",
                new Evidence("ticket", ticket.Url))];
        }
        var unanswered = BotCommands.Unanswered(ticket, bot);
        var work = new ScmTicketDecider(this, ticket, unanswered);
        var decisions = (await work.DecideAsync(cancellationToken)).ToList();
        var replies = unanswered.Where(c => c.Kind == BotCommandKind.Help).Select(CommandReply.Help).Concat(work.Replies)
            // An invalid request's reason answers the other commands; only help gets its own answer.
            .Where(reply => reply.IsHelp || !decisions.Any(d => d.Action == ScmDecisionKinds.Invalid))
            .ToList();
        if (CommandAnswers.Step(project, ticket, bot, ScmMarkers.Help, replies, ScmMessages.Help(bot)) is { } answer)
        {
            // First, so it is posted while the ticket is still open; one comment however many commands there are.
            decisions.Insert(0, new Decision(subject, ScmDecisionKinds.AnswerCommands,
                $"answer {CommandAnswers.Describe(replies.Select(r => r.Command.CommentId).Distinct().ToList())}",
                [new Evidence("commands", string.Join(", ", replies.GroupBy(r => r.Command.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")))],
                [answer]));
        }
        return decisions;
    }

    public Decision NeedsHuman(Ticket ticket, AccountDirectoryUnavailableException reason) =>
        // Who may ask or confirm cannot be told: a person handles the ticket; nothing else is written on a guess.
        PersonNeeded.Decide(project, ticket, bot, ScmDecisionKinds.NeedsHuman, "accounts", reason.Message, Approvers(),
            new Evidence("requester", ticket.Author));

    /// <summary>Who a ticket waiting for a person waits for: the named approvers (pinged) and the approver group.</summary>
    private string Approvers()
    {
        var named = (options.Approvers ?? []).Where(DistGitName.IsUser).Select(a => "@" + a).ToList();
        var group = $"a member of the `{options.ApproverGroup}` group";
        return $"A Release Engineering approver ({(named.Count == 0 ? group : $"{string.Join(", ", named)} or {group}")})";
    }

    public Decision CouldNotDecide(Ticket ticket, Exception error) =>
        Decision.NothingToDo(Subject(ticket), ScmDecisionKinds.Error, $"could not be checked: {error.Message}");

    /// <summary>Whether <paramref name="user"/> may confirm a request with <c>valid</c>.</summary>
    public async Task<bool> IsApproverAsync(string user, CancellationToken cancellationToken) =>
        (options.Approvers ?? []).Contains(user, StringComparer.Ordinal)
        || await accounts.IsInGroupAsync(user, options.ApproverGroup, cancellationToken);

    /// <summary>Who is pinged to confirm a request: the approver group's members and the named approvers, not the bot.</summary>
    public async Task<IReadOnlyList<string>> ApproversAsync(CancellationToken cancellationToken)
    {
        var members = await accounts.GroupMembersAsync(options.ApproverGroup, cancellationToken);
        return members.Concat(options.Approvers ?? []).Where(user => user != bot && DistGitName.IsUser(user))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Pagure's <c>date_created</c>: seconds since the epoch, as text.</summary>
    public static DateTimeOffset? ParseEpoch(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
}

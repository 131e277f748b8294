using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Reasoning about one ticket's request; collects evidence as it goes. Split by request: <c>.NewRepo.cs</c>,
/// <c>.NewBranch.cs</c>, and <c>.Validation.cs</c> for the <c>valid</c> command.
/// </summary>
public sealed partial class ScmTicketDecider(ScmRequestsDecider run, Ticket ticket, IReadOnlyList<BotCommand> unanswered)
{
    private readonly List<Evidence> _evidence = [new Evidence("requester", ticket.Author)];
    private readonly string _subject = run.Subject(ticket);
    private readonly List<CommandReply> _replies = [];
    private string Bot => run.Bot;
    private ScmRequestsSteps Steps => run.Steps;
    private IEnumerable<long> RetryIds => unanswered.Where(c => c.Kind == BotCommandKind.Retry).Select(c => c.CommentId);

    /// <summary>What the run's one answer to commands says besides the decision (refused or needless <c>valid</c>s).</summary>
    public IReadOnlyList<CommandReply> Replies => _replies;

    public async Task<IReadOnlyList<Decision>> DecideAsync(CancellationToken cancellationToken)
    {
        var parsed = ScmRequestParser.Parse(ticket.Body);
        if (parsed.Request is not { } request)
        {
            return [Invalid(parsed.Problem ?? ScmMessages.InvalidBody)];
        }
        _evidence.Add(new Evidence("request", request.Action == ScmAction.NewRepo
            ? $"new repository {request.Repo} (branch {request.Branch})"
            : $"new branch {request.Branch} of {request.Repo}"));
        if (!DistGitName.IsUser(ticket.Author))
        {
            return [Invalid(ScmMessages.InvalidRequester(ticket.Author))];
        }
        return request.Action == ScmAction.NewRepo
            ? await NewRepoAsync(request, cancellationToken)
            : await NewBranchAsync(request, cancellationToken);
    }

    private string? EpelProblem(DistGitRepo repo, string branch, DistGitBranches? existing)
    {
        if (!ScmBranches.IsEpel(branch))
        {
            return null;
        }
        if (repo.Namespace != "rpms")
        {
            return ScmMessages.EpelOnlyForRpms(branch, repo.Namespace);
        }
        if (ScmBranches.IsPlayground(branch))
        {
            return ScmMessages.PlaygroundBranch(branch);
        }
        if (ScmBranches.NextBase(branch) is { } baseBranch && existing?.Contains(baseBranch) != true)
        {
            return ScmMessages.EpelNextNeedsEpel(branch, baseBranch);
        }
        return null;
    }

    /// <summary>The project was made by this job for this ticket: created after the ticket, owned by the bot or the requester.</summary>
    private bool CreatedForThisTicket(DistGitProject project, string requester)
    {
        if (project.Owner != requester && project.Owner != Bot)
        {
            return false;
        }
        var created = ScmRequestsDecider.ParseEpoch(project.DateCreated);
        return created is not null && created >= ticket.Created.AddMinutes(-1);
    }

    private Decision Invalid(string message)
    {
        _evidence.Add(new Evidence("problem", message.Replace("\n", " ", StringComparison.Ordinal)));
        return new Decision(_subject, ScmDecisionKinds.Invalid, FirstLine(message), _evidence.ToList(),
        [
            // The reason the request is closed answers its retries and valids; help is answered first, on its own.
            Steps.Comment(ticket, ScmMarkers.Invalid, message, unanswered.Where(c => c.Kind != BotCommandKind.Help).Select(c => c.CommentId), force: false),
            Steps.Close(ticket, "Invalid"),
        ]);
    }

    /// <summary>
    /// Answered once per <paramref name="key"/> (what is missing) and left open; a <c>retry</c> asks the job to say
    /// it again after checking anew.
    /// </summary>
    private Decision NeedsHuman(string message, string reason, string key)
    {
        var retries = RetryIds.ToList();
        var already = ticket.Marked(Bot, ScmMarkers.NeedsHuman).Any(m => m.Marker["reason"] == key);
        IReadOnlyList<Step> steps = already && retries.Count == 0
            ? []
            : [Steps.Comment(ticket, ScmMarkers.NeedsHuman, message, retries, force: retries.Count > 0, reason: key)];
        return new Decision(_subject, ScmDecisionKinds.NeedsHuman, already ? $"{reason} (already told)" : reason, _evidence.ToList(), steps);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimStart('*', ' ');
}


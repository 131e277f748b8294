using Releng.Jobs.Bugzilla;
using Releng.Jobs.Reviews;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

public sealed partial class ScmTicketDecider
{
    private async Task<IReadOnlyList<Decision>> NewRepoAsync(ScmRequest request, CancellationToken cancellationToken)
    {
        var requester = ticket.Author;
        if (request.ExtraBranch is { } extra)
        {
            if (ScmBranches.LooksLikeRelease(extra))
            {
                return [Invalid(ScmMessages.NotAStandardBranch(extra))];
            }
            if (EpelProblem(request.Repo, extra, existing: null) is { } epelProblem)
            {
                return [Invalid(epelProblem)];
            }
            if (!request.InitialCommit)
            {
                return [Invalid(ScmMessages.RepositoryNotInitialized)];
            }
        }
        var project = await run.DistGit.GetProjectAsync(request.Repo, cancellationToken);
        var resuming = false;
        if (project is not null)
        {
            if (!CreatedForThisTicket(project, requester))
            {
                _evidence.Add(new Evidence("project", $"{request.Repo} exists, owned by {project.Owner}"));
                return [Invalid(ScmMessages.ProjectExists)];
            }
            // An earlier run created it and died before closing the ticket: finish the remaining steps.
            resuming = true;
            _evidence.Add(new Evidence("project", $"{request.Repo} was created after the ticket was filed (an earlier run): finishing"));
        }
        if (!await run.DistGit.UserExistsAsync(requester, cancellationToken))
        {
            _evidence.Add(new Evidence("dist-git account", "none yet"));
            return [NeedsHuman(ScmMessages.NeedsDistGitLogin(requester, run.DistGit.ProjectUrl(request.Repo)),
                $"@{requester} has no dist-git account yet", "distgit-login")];
        }

        var decisions = new List<Decision>();
        var needsValidation = request.Exception || !ReviewBugRules.IsReviewRequired(request.Repo.Namespace);
        var validIds = new List<long>();
        if (needsValidation)
        {
            _evidence.Add(new Evidence("review", request.Exception ? "exception claimed" : $"no review for {request.Repo.Namespace}"));
            var confirmedBy = await ValidationsAsync(cancellationToken);
            if (confirmedBy is not null)
            {
                _evidence.Add(new Evidence("validated by", $"@{confirmedBy.Author} (comment {confirmedBy.CommentId})"));
                validIds.AddRange(unanswered.Where(c => c.Kind == BotCommandKind.Valid && c.CommentId == confirmedBy.CommentId).Select(c => c.CommentId));
            }
            else if (!resuming)
            {
                decisions.Add(await AwaitValidAsync(cancellationToken));
                return decisions;
            }
        }
        else
        {
            AnswerNeedlessValid();
            if (request.BugId is not { } bugId)
            {
                decisions.Add(Invalid(ReviewMessages.InvalidBug));
                return decisions;
            }
            var problems = await ReviewProblemsAsync(request, bugId, cancellationToken);
            if (problems.Count > 0)
            {
                decisions.Add(Invalid(ScmMessages.Problems(problems)));
                return decisions;
            }
        }
        decisions.Add(CreateRepo(request, validIds));
        return decisions;
    }

    private async Task<IReadOnlyList<string>> ReviewProblemsAsync(ScmRequest request, int bugId, CancellationToken cancellationToken)
    {
        Bug bug;
        try
        {
            bug = await run.Bugzilla.GetBugAsync(bugId, cancellationToken);
        }
        catch (BugzillaException e) when (e.IsMissingBug || e.Code == BugzillaException.AccessDenied)
        {
            _evidence.Add(new Evidence("review bug", $"{bugId}: {e.BugzillaMessage}"));
            return [ReviewBugRules.NotVerifiable(e).Message];
        }
        var problems = await ReviewBugRules.CheckAsync(bug, new ReviewRequest(request.Repo.Name, ticket.Author, request.Repo.Namespace, request.Branch),
            run.Accounts, run.Time.GetUtcNow(), cancellationToken);
        _evidence.Add(new Evidence("review bug", problems.Count == 0
            ? $"{bugId} \"{bug.Summary}\": valid"
            : $"{bugId} \"{bug.Summary}\": {string.Join(", ", problems.Select(p => p.Rule))}"));
        return problems.Select(p => p.Message).ToList();
    }

    private Decision CreateRepo(ScmRequest request, IReadOnlyList<long> validIds)
    {
        var url = run.DistGit.ProjectUrl(request.Repo);
        var extra = request.ExtraBranch;
        var text = extra is null ? ScmMessages.RepositoryCreated(url) : ScmMessages.RepositoryCreatedWithBranch(url, extra);
        var steps = new List<Step>
        {
            Steps.CreateProject(request),
            Steps.SetMainAdmin(request.Repo, ticket.Author),
        };
        if (extra is not null)
        {
            steps.Add(Steps.CreateBranchFromDefault(request.Repo, extra));
        }
        steps.Add(Steps.Comment(ticket, ScmMarkers.Processed, text, validIds.Concat(RetryIds), force: false));
        if (request.BugId is { } bugId && !request.Exception)
        {
            steps.Add(Steps.BugComment(bugId, ScmMessages.RepositoryCreated(url)));
        }
        steps.Add(Steps.Close(ticket, "Processed"));
        _evidence.Add(new Evidence("main admin", ticket.Author));
        return new Decision(_subject, ScmDecisionKinds.CreateRepo,
            $"create {request.Repo}{(extra is null ? "" : $" with branch {extra}")} for @{ticket.Author}", _evidence.ToList(), steps);
    }
}

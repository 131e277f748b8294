using Releng.Jobs.Planning;

namespace Releng.Jobs.ScmRequests;

public sealed partial class ScmTicketDecider
{
    private async Task<IReadOnlyList<Decision>> NewBranchAsync(ScmRequest request, CancellationToken cancellationToken)
    {
        var requester = ticket.Author;
        var branch = request.Branch;
        if (ScmBranches.IsPlayground(branch))
        {
            return [Invalid(ScmMessages.PlaygroundBranch(branch))];
        }
        if (ScmBranches.LooksLikeRelease(branch))
        {
            return [Invalid(ScmMessages.NotAStandardBranch(branch))];
        }
        var project = await run.DistGit.GetProjectAsync(request.Repo, cancellationToken);
        if (project is null)
        {
            return [Invalid(ScmMessages.ProjectMissing)];
        }
        var branches = await run.DistGit.GetBranchesAsync(request.Repo, cancellationToken);
        var defaultBranch = branches?.Default ?? ScmRequestsSteps.DefaultBranch;
        _evidence.Add(new Evidence("branches", branches is null ? "none" : string.Join(", ", branches.Names)));
        if (branches is null || branches.Branches.Count == 0)
        {
            return [Invalid(ScmMessages.RepositoryNotInitialized)];
        }
        if (EpelProblem(request.Repo, branch, branches) is { } epelProblem)
        {
            return [Invalid(epelProblem)];
        }
        // Only this ticket's own marker makes an existing branch this request's work (a run that died after creating
        // it, or lost the answer): a branch the bot created for an earlier request looks just the same in git.
        var announced = ScmRequestsSteps.CreatesBranch(ticket, Bot, branch);
        var resuming = announced && branches.Contains(branch);
        if (branches.Contains(branch))
        {
            if (!resuming)
            {
                return [Invalid(ScmMessages.BranchExists(branch, request.Repo.FullName))];
            }
            _evidence.Add(new Evidence("branch", $"{branch} exists, created by this ticket's earlier run: finishing"));
        }
        if (await run.DistGit.GetRetirementReasonAsync(request.Repo, defaultBranch, cancellationToken) is not null)
        {
            return [Invalid(ScmMessages.Retired(request.Repo.FullName, defaultBranch))];
        }
        var rights = await run.Rights.CheckAsync(project, requester, branch, cancellationToken);
        _evidence.Add(new Evidence("access", rights.Evidence));
        if (rights.Refusal is { } refusal && !resuming)
        {
            return rights.NeedsHuman ? [NeedsHuman(refusal, rights.Evidence, "collaborator-patterns")] : [Invalid(refusal)];
        }
        var steps = new List<Step>();
        if (!announced)
        {
            steps.Add(Steps.AnnounceBranch(ticket, request.Repo, branch));
        }
        steps.AddRange(
        [
            Steps.CreateBranchFromFirstCommit(request.Repo, branch, defaultBranch),
            Steps.Comment(ticket, ScmMarkers.Processed, ScmMessages.BranchCreated(branch), RetryIds, force: false),
            Steps.Close(ticket, "Processed"),
        ]);
        AnswerNeedlessValid();
        var decisions = new List<Decision>();
        decisions.Add(new Decision(_subject, ScmDecisionKinds.CreateBranch,
            $"create {branch} in {request.Repo} from the first commit of {defaultBranch}", _evidence.ToList(), steps));
        return decisions;
    }
}

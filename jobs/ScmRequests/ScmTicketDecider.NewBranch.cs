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
        var resuming = false;
        if (branches.HeadOf(branch) is { } head)
        {
            // A branch still at the first commit of the default branch is what this job creates: an earlier run
            // died before closing the ticket. Anything else was there before the request.
            await using var copy = await run.Git.CloneAsync(request.Repo, cancellationToken);
            var first = await copy.FirstCommitAsync(defaultBranch, cancellationToken);
            if (first is null || !string.Equals(first, head, StringComparison.Ordinal))
            {
                return [Invalid(ScmMessages.BranchExists(branch, request.Repo.FullName))];
            }
            resuming = true;
            _evidence.Add(new Evidence("branch", $"{branch} exists at the first commit of {defaultBranch} (an earlier run): finishing"));
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
        var steps = new List<Step>
        {
            Steps.CreateBranchFromFirstCommit(request.Repo, branch, defaultBranch),
            Steps.Comment(ticket, ScmMarkers.Processed, ScmMessages.BranchCreated(branch), RetryIds, force: false),
            Steps.Close(ticket, "Processed"),
        };
        AnswerNeedlessValid();
        var decisions = new List<Decision>();
        decisions.Add(new Decision(_subject, ScmDecisionKinds.CreateBranch,
            $"create {branch} in {request.Repo} from the first commit of {defaultBranch}", _evidence.ToList(), steps));
        return decisions;
    }
}

using System.Text.RegularExpressions;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Runs the checks that replace <c>check-unretirement.py</c> for one request: reads dist-git (project, branches with
/// their heads, <c>dead.package</c> through the API; for a retired branch the head commit's info and <c>dead.package</c>
/// at its parent through the API, and only when the retirement is older than the head a shallow clone), Koji block
/// states of the branches' tags, the requester's account and the review bug. Only reads. <see cref="PrepareAsync"/> reads the Koji block states of a whole run's
/// requests at once, so a run of many tickets asks Koji a number of times that does not grow with them.
/// </summary>
public sealed partial class UnretireChecker(
    IDistGit distGit,
    GitClient git,
    IKojiPackageBlocks? koji,
    IBugzilla bugzilla,
    IAccountDirectory directory,
    TimeProvider clock)
{
    private IReadOnlyDictionary<(string Tag, string Package), bool?> _blockStates = new Dictionary<(string Tag, string Package), bool?>();

    /// <summary>
    /// Reads ahead what the checks of <paramref name="requests"/> will ask Koji: the block state of each package in
    /// the tag of each branch it names (as requested, and as the dist-git branch it may stand for). A check whose
    /// states were read here asks Koji nothing; one whose were not (a failed read) asks for itself.
    /// </summary>
    public async Task PrepareAsync(IEnumerable<UnretireRequest> requests, BranchTagMap tags, CancellationToken cancellationToken)
    {
        if (koji is null)
        {
            return;
        }
        var pairs = requests
            .SelectMany(r => r.Branches
                .SelectMany(b => new[] { b, tags.DistGitBranch(b, r.Repo.Namespace) })
                .OfType<string>()
                .Select(b => tags.TagFor(b, r.Repo.Namespace))
                .OfType<string>()
                .Select(tag => (Tag: tag, Package: r.Repo.Name)))
            .Distinct()
            .ToList();
        if (pairs.Count > 0)
        {
            _blockStates = await koji.ReadBlockStatesAsync(pairs, cancellationToken);
        }
    }

    public async Task<UnretireFacts> CheckAsync(UnretireRequest request, string ticketUrl, BranchTagMap tags, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var repo = request.Repo;
        var projectTask = distGit.GetProjectAsync(repo, cancellationToken);
        var requesterTask = FindAccountAsync(request.Requester, cancellationToken);
        var recipientTask = request.Recipient == request.Requester ? requesterTask : FindAccountAsync(request.Recipient, cancellationToken);
        var project = await projectTask;
        var requester = await requesterTask;
        var recipient = await recipientTask;
        var projectUrl = distGit.ProjectUrl(repo);
        if (project is null)
        {
            return new UnretireFacts(request, ticketUrl, null, projectUrl, [], requester, recipient, null, null, null, now);
        }

        var branches = await distGit.GetBranchesAsync(repo, cancellationToken) ?? new DistGitBranches([], null);
        var names = request.Branches
            .Select(b => branches.Contains(b) ? b : tags.DistGitBranch(b, repo.Namespace) is { } known && branches.Contains(known) ? known : b)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var deadPackages = await Task.WhenAll(names.Select(b => branches.Contains(b)
            ? distGit.GetRetirementReasonAsync(repo, b, cancellationToken)
            : Task.FromResult<string?>(null)));

        var retirements = await FindRetirementsAsync(repo, branches, names, deadPackages, cancellationToken);

        var tagOf = names.ToDictionary(b => b, b => tags.TagFor(b, repo.Namespace), StringComparer.Ordinal);
        var knownTags = tagOf.Values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyDictionary<string, bool?> blocked = koji is null || knownTags.Count == 0
            ? new Dictionary<string, bool?>()
            : knownTags.All(tag => _blockStates.ContainsKey((tag, repo.Name)))
                ? knownTags.ToDictionary(tag => tag, tag => _blockStates[(tag, repo.Name)], StringComparer.Ordinal)
                : await koji.AreBlockedAsync(knownTags, repo.Name, cancellationToken);

        // Unretiring an EPEL branch while the package lives on in Fedora needs no re-review.
        var fedoraAlive = names.Any(IsEpel) && await IsFedoraAliveAsync(repo, branches, names, deadPackages, cancellationToken);

        var facts = names.Select((b, i) => new BranchFacts(
            b, branches.Contains(b), deadPackages[i], retirements.GetValueOrDefault(b), tagOf[b],
            tagOf[b] is { } tag ? blocked.GetValueOrDefault(tag) : null,
            ReviewExempt: IsEpel(b) && fedoraAlive)).ToList();

        bool? recipientInDistGit = project.IsOrphaned ? await distGit.UserExistsAsync(request.Recipient, cancellationToken) : null;

        ReviewVerdict? review = null;
        var partial = new UnretireFacts(request, ticketUrl, project, projectUrl, facts, requester, recipient, recipientInDistGit, null, null, now);
        if (partial.ReviewRequired && request.ReviewBug is { } bug)
        {
            review = await new ReviewBugValidator(bugzilla, directory, clock)
                .ValidateAsync(bug, new ReviewRequest(repo.Name, request.Requester, repo.Namespace), cancellationToken);
        }
        return partial with { Review = review, ReviewBugUrl = request.ReviewBug is { } id ? bugzilla.BugUrl(id) : null };
    }

    /// <summary>
    /// The retiring commit of each retired branch. dist-git's API answers when the retirement is the branch head (the
    /// usual case, and the only one a plain revert fixes): the head's first parent has no <c>dead.package</c>. Only the
    /// branches it cannot answer for (an older retirement, a root or merge head, a server without the commit endpoint)
    /// are read from one shallow clone, so a run whose retirements are heads starts no git process. Branches with the
    /// same head (retired together, or one fast-forwarded to the other) ask the API once.
    /// </summary>
    private async Task<Dictionary<string, RetirementCommit?>> FindRetirementsAsync(
        DistGitRepo repo, DistGitBranches branches, List<string> names, string?[] deadPackages, CancellationToken cancellationToken)
    {
        var retired = Enumerable.Range(0, names.Count).Where(i => deadPackages[i] is not null).ToList();
        var byHead = retired
            .GroupBy(i => branches.HeadOf(names[i]) ?? names[i], StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var answered = await Task.WhenAll(byHead.Select(group =>
            FindHeadRetirementAsync(repo, names[group[0]], branches.HeadOf(names[group[0]]), deadPackages[group[0]]!, cancellationToken)));
        var retirements = new Dictionary<string, RetirementCommit?>(StringComparer.Ordinal);
        for (var k = 0; k < byHead.Count; k++)
        {
            if (answered[k] is { } retirement)
            {
                foreach (var i in byHead[k])
                {
                    retirements[names[i]] = retirement with { Branch = names[i], Reason = deadPackages[i]! };
                }
            }
        }
        var rest = retired.Where(i => !retirements.ContainsKey(names[i])).ToList();
        if (rest.Count > 0)
        {
            await using var copy = await git.ShallowCloneAsync(repo, cancellationToken);
            foreach (var i in rest)
            {
                retirements[names[i]] = await copy.FindRetirementAsync(names[i], branches.HeadOf(names[i]), deadPackages[i], cancellationToken);
            }
        }
        return retirements;
    }

    /// <summary>
    /// The retirement when it is the head commit of the branch, read through the API: the head's info and
    /// <c>dead.package</c> at its only parent. Null when the API cannot tell (the parent has the file too, the head
    /// is a root or a merge, or the server does not know the commit): git has to look.
    /// </summary>
    private async Task<RetirementCommit?> FindHeadRetirementAsync(
        DistGitRepo repo, string branch, string? head, string reason, CancellationToken cancellationToken)
    {
        if (!DistGitName.IsCommit(head) || await distGit.GetCommitAsync(repo, head!, cancellationToken) is not { } commit
            || commit.Hash != head || commit.ParentIds is not [var parent] || !DistGitName.IsCommit(parent))
        {
            return null;
        }
        if (await distGit.GetFileAtCommitAsync(repo, parent, PagureDistGit.DeadPackage, cancellationToken) is not null)
        {
            return null;
        }
        return new RetirementCommit(branch, commit.Hash, commit.CommitTime, commit.Author, commit.Message.TrimEnd('\n'), head!, 0, reason);
    }

    private async Task<bool> IsFedoraAliveAsync(
        DistGitRepo repo, DistGitBranches branches, List<string> names, string?[] deadPackages, CancellationToken cancellationToken)
    {
        const string rawhide = BranchTagMap.RawhideBranch;
        if (!branches.Contains(rawhide))
        {
            return false;
        }
        var index = names.IndexOf(rawhide);
        var dead = index >= 0 ? deadPackages[index] : await distGit.GetRetirementReasonAsync(repo, rawhide, cancellationToken);
        return dead is null;
    }

    /// <summary>The user's account, none, or unknown when the directory cannot answer (the report says "unknown").</summary>
    private async Task<AccountFact> FindAccountAsync(string user, CancellationToken cancellationToken)
    {
        try
        {
            return new AccountFact(await directory.FindByUserAsync(user, cancellationToken));
        }
        catch (AccountDirectoryUnavailableException e)
        {
            return AccountFact.Unknown(e.Message);
        }
    }

    private static bool IsEpel(string branch) => EpelPattern().IsMatch(branch);

    [GeneratedRegex(@"^(?:el|epel)\d")]
    private static partial Regex EpelPattern();
}

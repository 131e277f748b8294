using System.Text.RegularExpressions;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Runs the checks that replace <c>check-unretirement.py</c> for one request: reads dist-git (project, branches with
/// their heads, and each head commit's patch through the API, which says whether the head retired the branch; for a
/// branch it does not answer for, <c>dead.package</c> at the head, and only when the retirement is older than the head
/// a shallow clone), Koji block
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
        // Independent reads go out together: the project, its branches and the accounts.
        var projectTask = distGit.GetProjectAsync(repo, cancellationToken);
        var branchesTask = distGit.GetBranchesAsync(repo, cancellationToken);
        var requesterTask = FindAccountAsync(request.Requester, cancellationToken);
        var recipientTask = request.Recipient == request.Requester ? requesterTask : FindAccountAsync(request.Recipient, cancellationToken);
        var project = await projectTask;
        var requester = await requesterTask;
        var recipient = await recipientTask;
        var projectUrl = distGit.ProjectUrl(repo);
        if (project is null)
        {
            try
            {
                await branchesTask;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A missing project needs no branches: how their read failed does not matter.
            }
            return new UnretireFacts(request, ticketUrl, null, projectUrl, [], requester, recipient, null, null, null, now);
        }

        var branches = await branchesTask ?? new DistGitBranches([], null);
        var names = request.Branches
            .Select(b => branches.Contains(b) ? b : tags.DistGitBranch(b, repo.Namespace) is { } known && branches.Contains(known) ? known : b)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var (deadPackages, retirements) = await FindRetirementsAsync(repo, branches, names, cancellationToken);

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
    /// Whether each branch is retired (the text of its <c>dead.package</c>) and the commit that retired it. dist-git
    /// answers both in one read when the retirement is the branch head (the usual case, and the only one a plain revert
    /// fixes): the head commit's patch adds <c>dead.package</c>. Branches with the same head (retired together, or one
    /// fast-forwarded to the other) share that read. A branch whose head did not add the file has it read at its head;
    /// when it is there, the retirement is older than the head and those branches are read from one shallow clone. So a
    /// run whose retirements are heads starts no git process.
    /// </summary>
    private async Task<(string?[] DeadPackages, Dictionary<string, RetirementCommit?> Retirements)> FindRetirementsAsync(
        DistGitRepo repo, DistGitBranches branches, List<string> names, CancellationToken cancellationToken)
    {
        var deadPackages = new string?[names.Count];
        var retirements = new Dictionary<string, RetirementCommit?>(StringComparer.Ordinal);
        var existing = Enumerable.Range(0, names.Count).Where(i => branches.Contains(names[i])).ToList();
        var byHead = existing
            .GroupBy(i => branches.HeadOf(names[i]) ?? names[i], StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var heads = await Task.WhenAll(byHead.Select(group => branches.HeadOf(names[group[0]]) is { } head && DistGitName.IsCommit(head)
            ? distGit.GetCommitAsync(repo, head, PagureDistGit.DeadPackage, cancellationToken)
            : Task.FromResult<DistGitCommit?>(null)));

        var unanswered = new List<List<int>>();
        for (var k = 0; k < byHead.Count; k++)
        {
            if (heads[k] is { AddedFile: { } reason } commit && commit.Hash == branches.HeadOf(names[byHead[k][0]]))
            {
                foreach (var i in byHead[k])
                {
                    deadPackages[i] = reason;
                    retirements[names[i]] = new RetirementCommit(
                        names[i], commit.Hash, commit.CommitTime, commit.Author, commit.Message.TrimEnd('\n'), commit.Hash, 0, reason);
                }
            }
            else
            {
                unanswered.Add(byHead[k]);
            }
        }
        // Branches with one head have one dead.package: read at the first of them.
        var reasons = await Task.WhenAll(unanswered.Select(group => distGit.GetRetirementReasonAsync(repo, names[group[0]], cancellationToken)));
        for (var n = 0; n < unanswered.Count; n++)
        {
            foreach (var i in unanswered[n])
            {
                deadPackages[i] = reasons[n];
            }
        }

        var older = unanswered.SelectMany(group => group).Where(i => deadPackages[i] is not null).ToList();
        if (older.Count > 0)
        {
            await using var copy = await git.ShallowCloneAsync(repo, cancellationToken);
            foreach (var i in older)
            {
                retirements[names[i]] = await copy.FindRetirementAsync(names[i], branches.HeadOf(names[i]), deadPackages[i], cancellationToken);
            }
        }
        return (deadPackages, retirements);
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

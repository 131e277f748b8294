using System.Globalization;

namespace Releng.Jobs.DistGit;

/// <summary>
/// A temporary clone of one dist-git repository (see <see cref="GitClient.CloneAsync"/>). Branches are read from
/// <c>origin/*</c>, so what it reports is what the server has; writes are pushed back in one atomic push.
/// Disposing removes the directory, and with it any key file of the transport.
/// </summary>
public sealed class GitWorkingCopy : IAsyncDisposable
{
    private const string DeadPackage = PagureDistGit.DeadPackage;
    private readonly GitClientOptions _options;
    private readonly GitTransport _transport;
    private readonly string _root;

    internal GitWorkingCopy(GitClientOptions options, GitTransport transport, DistGitRepo repo, string root, string directory)
    {
        _options = options;
        _transport = transport;
        _root = root;
        Repo = repo;
        Directory = directory;
    }

    public DistGitRepo Repo { get; }

    /// <summary>The clone's directory (inside a temporary directory of its own).</summary>
    public string Directory { get; }

    /// <summary>Brings <c>origin/*</c> up to date with the server.</summary>
    public Task FetchAsync(CancellationToken cancellationToken = default) =>
        RunAsync(Directory, ["fetch", "--quiet", "--prune", "origin"], cancellationToken);

    /// <summary>The server's branches with their head commits, by name.</summary>
    public async Task<IReadOnlyList<DistGitBranch>> ListBranchesAsync(CancellationToken cancellationToken = default)
    {
        var output = await RunAsync(Directory,
            ["for-each-ref", "--format=%(refname:strip=3)%09%(objectname)", "refs/remotes/origin/"], cancellationToken).ConfigureAwait(false);
        return Lines(output)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[0] != "HEAD")
            .Select(parts => new DistGitBranch(parts[0], parts[1]))
            .ToList();
    }

    /// <summary>The head commit of a branch, or null when the server has no such branch.</summary>
    public async Task<string?> HeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(Directory,
            ["rev-parse", "--verify", "--quiet", $"{RemoteRef(branch)}^{{commit}}"], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>The root commit of a branch (new branches of an SCM request start there), or null when the branch does not exist.</summary>
    public async Task<string?> FirstCommitAsync(string branch, CancellationToken cancellationToken = default)
    {
        if (await HeadAsync(branch, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }
        var output = await RunAsync(Directory, ["rev-list", "--max-parents=0", RemoteRef(branch), "--"], cancellationToken).ConfigureAwait(false);
        return Lines(output).LastOrDefault();
    }

    /// <summary>
    /// The commit that retired the branch, or null when <c>dead.package</c> is not at the branch head (never retired,
    /// or already unretired). Throws <see cref="ArgumentException"/> when the branch does not exist.
    /// </summary>
    public Task<RetirementCommit?> FindRetirementAsync(string branch, CancellationToken cancellationToken = default) =>
        FindRetirementAsync(branch, null, null, cancellationToken);

    /// <summary>
    /// <see cref="FindRetirementAsync(string, CancellationToken)"/> with what dist-git's API already said: the branch
    /// head and the text of <c>dead.package</c> there, so only the commit that added it is looked up (one git
    /// command for a retirement at the head). The answer describes the branch as the API saw it; when this copy lacks
    /// that head, the branch is read from the copy instead.
    /// </summary>
    public async Task<RetirementCommit?> FindRetirementAsync(
        string branch, string? head, string? deadPackage, CancellationToken cancellationToken = default)
    {
        if (head is null || deadPackage is null || !IsCommitId(head))
        {
            head = await HeadAsync(branch, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"{Repo} has no branch {branch}", nameof(branch));
            deadPackage = null;
        }
        if (deadPackage is null)
        {
            var reason = await TryRunAsync(Directory, ["cat-file", "blob", $"{head}:{DeadPackage}"], cancellationToken).ConfigureAwait(false);
            if (reason.ExitCode != 0)
            {
                return null;
            }
            deadPackage = reason.Output;
        }
        var log = await TryRunAsync(Directory,
            ["log", "-1", "--diff-filter=A", "--format=%H%x00%aI%x00%an <%ae>%x00%B", head, "--", DeadPackage],
            cancellationToken).ConfigureAwait(false);
        if (log.ExitCode != 0)
        {
            // Not a commit of this copy (the branch moved after the API answered): read the branch as the copy has it.
            return deadPackage is not null && head != await HeadAsync(branch, cancellationToken).ConfigureAwait(false)
                ? await FindRetirementAsync(branch, null, null, cancellationToken).ConfigureAwait(false)
                : throw new GitCommandException(GitProcess.Describe(["log", head, "--", DeadPackage]), log.ExitCode, log.Error);
        }
        var fields = log.Output.Split('\0', 4);
        if (fields.Length < 4)
        {
            throw new InvalidOperationException($"{Repo} {branch}: dead.package is present but no commit adds it");
        }
        var hash = fields[0].Trim();
        if (IsShallowBoundary(hash))
        {
            // In a shallow clone the oldest fetched commit seems to add every file it has: dead.package is older
            // than the fetched history, so fetch the rest and look again.
            await RunAsync(Directory, ["fetch", "--quiet", "--unshallow", "origin"], cancellationToken).ConfigureAwait(false);
            return await FindRetirementAsync(branch, head, deadPackage, cancellationToken).ConfigureAwait(false);
        }
        var after = hash == head
            ? 0
            : int.Parse((await RunAsync(Directory, ["rev-list", "--count", $"{hash}..{head}", "--"], cancellationToken).ConfigureAwait(false)).Trim(),
                CultureInfo.InvariantCulture);
        return new RetirementCommit(
            branch, hash, DateTimeOffset.Parse(fields[1], CultureInfo.InvariantCulture), fields[2],
            fields[3].TrimEnd('\n'), head, after, deadPackage);
    }

    /// <summary>
    /// Unretires branches following the releng SOP: per branch, revert the commit that added <c>dead.package</c>
    /// with a message naming the ticket (<c>Unretirement request: &lt;url&gt;</c>), signed off by the configured
    /// identity, and push all branches in one atomic push. Branches with identical history (same head) share one
    /// revert commit, which the others are fast-forwarded to. Idempotent: a branch without <c>dead.package</c> is
    /// <see cref="RevertStatus.AlreadyReverted"/>. A branch whose retirement is not its head commit, or whose revert
    /// conflicts, is <see cref="RevertStatus.Refused"/> and left alone. Names are validated before any git command.
    /// </summary>
    public async Task<IReadOnlyList<BranchRevert>> RevertRetirementAsync(
        IReadOnlyList<string> branches, string ticketUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(branches);
        foreach (var branch in branches)
        {
            DistGitName.Branch(branch);
        }
        CheckTicketUrl(ticketUrl);

        var results = new Dictionary<string, BranchRevert>();
        var toRevert = new List<RetirementCommit>();
        foreach (var branch in branches.Distinct())
        {
            if (await HeadAsync(branch, cancellationToken).ConfigureAwait(false) is null)
            {
                results[branch] = new BranchRevert(branch, RevertStatus.Refused, null, $"{Repo} has no branch {branch}");
                continue;
            }
            var retirement = await FindRetirementAsync(branch, cancellationToken).ConfigureAwait(false);
            if (retirement is null)
            {
                var earlier = await FindCommitMentioningAsync(branch, ticketUrl, cancellationToken).ConfigureAwait(false);
                results[branch] = new BranchRevert(branch, RevertStatus.AlreadyReverted, earlier, earlier is null
                    ? $"{branch} has no {DeadPackage}"
                    : $"{branch} was unretired by {earlier}");
            }
            else if (!retirement.IsHead)
            {
                results[branch] = new BranchRevert(branch, RevertStatus.Refused, null,
                    $"the retirement commit {retirement.Hash} is not the head of {branch} ({retirement.CommitsAfter} later commit(s)); " +
                    "reverting it needs a human");
            }
            else
            {
                toRevert.Add(retirement);
            }
        }

        var pushes = new List<(string Branch, string Commit)>();
        foreach (var group in toRevert.GroupBy(r => r.Head))
        {
            var first = group.First();
            var commit = await CommitRevertAsync(first, ticketUrl, cancellationToken).ConfigureAwait(false);
            foreach (var retirement in group)
            {
                if (commit is null)
                {
                    results[retirement.Branch] = new BranchRevert(retirement.Branch, RevertStatus.Refused, null,
                        $"reverting {retirement.Hash} on {retirement.Branch} conflicts; it needs a human");
                    continue;
                }
                pushes.Add((retirement.Branch, commit));
                results[retirement.Branch] = new BranchRevert(retirement.Branch, RevertStatus.Reverted, commit,
                    retirement == first
                        ? $"reverted {retirement.Hash} on {retirement.Branch} in {commit}"
                        : $"{retirement.Branch} has the same history as {first.Branch}: fast-forwarded to the same revert {commit}");
            }
        }

        if (pushes.Count > 0)
        {
            var arguments = new List<string> { "push", "--atomic", "--quiet", "origin" };
            arguments.AddRange(pushes.Select(p => $"{p.Commit}:refs/heads/{p.Branch}"));
            await RunAsync(Directory, arguments, cancellationToken).ConfigureAwait(false);
            await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        return branches.Distinct().Select(b => results[b]).ToList();
    }

    public ValueTask DisposeAsync()
    {
        RemoveDirectory(_root);
        return ValueTask.CompletedTask;
    }

    private async Task<string?> CommitRevertAsync(RetirementCommit retirement, string ticketUrl, CancellationToken cancellationToken)
    {
        await RunAsync(Directory, ["checkout", "--quiet", "--force", "--detach", retirement.Head], cancellationToken).ConfigureAwait(false);
        var revert = await TryRunAsync(Directory, ["revert", "--no-commit", retirement.Hash], cancellationToken).ConfigureAwait(false);
        if (revert.ExitCode != 0)
        {
            await TryRunAsync(Directory, ["revert", "--abort"], cancellationToken).ConfigureAwait(false);
            await TryRunAsync(Directory, ["reset", "--quiet", "--hard", retirement.Head], cancellationToken).ConfigureAwait(false);
            return null;
        }
        var body = $"This reverts commit {retirement.Hash} ({retirement.Subject}).";
        await RunAsync(Directory,
            ["commit", "--quiet", "--no-verify", "--signoff", "-m", $"Unretirement request: {ticketUrl}", "-m", body],
            cancellationToken).ConfigureAwait(false);
        return (await RunAsync(Directory, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).Trim();
    }

    private async Task<string?> FindCommitMentioningAsync(string branch, string text, CancellationToken cancellationToken)
    {
        var output = await RunAsync(Directory,
            ["log", "-1", "--format=%H", "--fixed-strings", $"--grep={text}", RemoteRef(branch), "--"], cancellationToken).ConfigureAwait(false);
        var hash = output.Trim();
        return hash.Length > 0 ? hash : null;
    }

    /// <summary>Whether <paramref name="commit"/> is where a shallow clone's history was cut (git lists those in <c>.git/shallow</c>).</summary>
    private bool IsShallowBoundary(string commit)
    {
        var shallow = Path.Combine(Directory, ".git", "shallow");
        return File.Exists(shallow) && File.ReadLines(shallow).Any(line => line.Trim() == commit);
    }

    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    private static string RemoteRef(string branch) => $"refs/remotes/origin/{DistGitName.Branch(branch)}";

    private static void CheckTicketUrl(string ticketUrl)
    {
        if (!Uri.TryCreate(ticketUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || ticketUrl.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new DistGitNameException("ticket URL", ticketUrl, "expected an absolute http(s) URL without spaces");
        }
    }

    internal async Task<string> RunAsync(string? workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new GitCommandException(GitProcess.Describe(arguments), result.ExitCode, result.Error);
        }
        return result.Output;
    }

    private Task<GitProcess.Result> TryRunAsync(string? workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        _options.Log?.Invoke(GitProcess.Describe(arguments));
        return GitProcess.RunAsync(_options.GitExecutable, workingDirectory ?? _root, arguments, Environment(), cancellationToken);
    }

    private Dictionary<string, string> Environment()
    {
        var identity = _options.Identity;
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = identity.Name,
            ["GIT_AUTHOR_EMAIL"] = identity.Email,
            ["GIT_COMMITTER_NAME"] = identity.Name,
            ["GIT_COMMITTER_EMAIL"] = identity.Email,
        };
        if (_options.Clock is { } clock)
        {
            var date = $"@{clock.GetUtcNow().ToUnixTimeSeconds()} +0000";
            environment["GIT_AUTHOR_DATE"] = date;
            environment["GIT_COMMITTER_DATE"] = date;
        }
        foreach (var (key, value) in _transport.Environment)
        {
            environment[key] = value;
        }
        return environment;
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static void RemoveDirectory(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return;
        }
        // git writes its objects read-only; Windows refuses to delete those until the attribute is cleared.
        foreach (var file in System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
        System.IO.Directory.Delete(path, recursive: true);
    }
}

using Releng.Jobs.DistGit;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>One of the sandbox's bare repositories, read and changed with git the way the forge would.</summary>
internal sealed class BareRepository(string path)
{
    public string Path { get; } = path;

    public bool Exists => Directory.Exists(Path);

    public static BareRepository Init(string path, string defaultBranch)
    {
        Directory.CreateDirectory(path);
        Git.Run(path, "init", "--quiet", "--bare", $"--initial-branch={defaultBranch}");
        return new BareRepository(path);
    }

    /// <summary>Branch names with their head commits, in name order (as Pagure lists them).</summary>
    public IReadOnlyList<(string Name, string Head)> Branches() =>
        Git.Run(Path, "for-each-ref", "--format=%(refname:strip=2)%09%(objectname)", "refs/heads/")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[1]))
            .OrderBy(b => b.Item1, StringComparer.Ordinal)
            .ToList();

    /// <summary>The branch HEAD points to, when that branch exists.</summary>
    public string? DefaultBranch() => DefaultBranch(Branches());

    /// <summary>The branch HEAD points to, when it is one of <paramref name="branches"/> (saves listing them again).</summary>
    public string? DefaultBranch(IReadOnlyList<(string Name, string Head)> branches)
    {
        var result = Git.TryRun(Path, "symbolic-ref", "--short", "HEAD");
        var name = result.Output.Trim();
        return result.ExitCode == 0 && branches.Any(b => b.Name == name) ? name : null;
    }

    public string? Head(string branch) => Branches().Where(b => b.Name == branch).Select(b => b.Head).FirstOrDefault();

    /// <summary>
    /// A file's text at a branch head or at a commit (a hexadecimal id, full or abbreviated; a tag is followed to its
    /// commit), as Pagure's raw view resolves it: branch names first. Null when either is missing. A full hash cannot be
    /// a branch name (<see cref="BranchName"/>) and a name that is not hexadecimal cannot be a commit, so those take one
    /// git command; only a short hexadecimal name is looked up as a branch first.
    /// </summary>
    public string? ReadFile(string branchOrCommit, string file)
    {
        var revision = IsFullHash(branchOrCommit) || (IsHexadecimal(branchOrCommit) && Head(branchOrCommit) is null)
            ? $"{branchOrCommit}^{{commit}}"
            : $"refs/heads/{branchOrCommit}";
        var result = Git.TryRun(Path, "cat-file", "blob", $"{revision}:{file}");
        return result.ExitCode == 0 ? result.Output : null;
    }

    /// <summary>
    /// The commit a hexadecimal id (full or abbreviated) names, or null when it names nothing, or something other than
    /// a commit (a tag, a tree, a blob: Pagure's commit endpoint does not follow tags).
    /// </summary>
    public RepositoryCommit? CommitInfo(string id)
    {
        if (!IsHexadecimal(id))
        {
            return null;
        }
        // One process: --batch prints "<id> <type> <size>" and the raw object, or "<name> missing/ambiguous".
        var output = Git.RunWithInput(Path, System.Text.Encoding.UTF8.GetBytes(id + "\n"), "cat-file", "--batch");
        var header = output.Split('\n', 2);
        var fields = header[0].Split(' ');
        return fields is [var hash, "commit", _] && header.Length == 2
            ? RepositoryCommit.Parse(hash, header[1].EndsWith('\n') ? header[1][..^1] : header[1])
            : null;
    }

    private static bool IsHexadecimal(string id) => id.Length is >= 4 and <= 64 && id.All(char.IsAsciiHexDigit);

    private static bool IsFullHash(string id) => id.Length is 40 or 64 && id.All(char.IsAsciiHexDigit);

    public bool HasCommit(string commit) => Git.TryRun(Path, "cat-file", "-e", $"{commit}^{{commit}}").ExitCode == 0;

    public string ResolveCommit(string commit) => Git.Run(Path, "rev-parse", "--verify", $"{commit}^{{commit}}").Trim();

    public void CreateBranch(string branch, string commit) =>
        Git.Run(Path, "update-ref", $"refs/heads/{DistGitName.Branch(branch)}", commit, "");
}

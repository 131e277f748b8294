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

    public string? ReadFile(string branch, string file)
    {
        if (Head(branch) is null)
        {
            return null;
        }
        var result = Git.TryRun(Path, "cat-file", "blob", $"refs/heads/{branch}:{file}");
        return result.ExitCode == 0 ? result.Output : null;
    }

    public bool HasCommit(string commit) => Git.TryRun(Path, "cat-file", "-e", $"{commit}^{{commit}}").ExitCode == 0;

    public string ResolveCommit(string commit) => Git.Run(Path, "rev-parse", "--verify", $"{commit}^{{commit}}").Trim();

    public void CreateBranch(string branch, string commit) =>
        Git.Run(Path, "update-ref", $"refs/heads/{DistGitName.Branch(branch)}", commit, "");
}

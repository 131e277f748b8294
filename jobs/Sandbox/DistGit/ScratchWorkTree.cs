using System.Globalization;
using Releng.Jobs.DistGit;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>A temporary non-bare repository in which the sandbox writes commits before pushing them into a bare repository.</summary>
internal sealed class ScratchWorkTree : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"releng-sandbox-{Guid.NewGuid():N}");
    private int _orphans;

    public ScratchWorkTree()
    {
        Directory.CreateDirectory(_root);
        Git.Run(_root, "init", "--quiet");
    }

    /// <summary>Starts the next commits on an empty history, or on top of a commit.</summary>
    public void Start(string? fromCommit)
    {
        if (fromCommit is null)
        {
            // symbolic-ref works on an unborn HEAD too, where "checkout --orphan" would refuse.
            Git.Run(_root, "symbolic-ref", "HEAD", $"refs/heads/seed-{_orphans++}");
            Git.Run(_root, "rm", "-r", "-f", "--quiet", "--cached", "--ignore-unmatch", ".");
        }
        else
        {
            Git.Run(_root, "checkout", "--quiet", "--force", "--detach", fromCommit);
        }
        Git.Run(_root, "clean", "-f", "-d", "-x", "--quiet");
    }

    public IReadOnlyList<string> TrackedFiles() =>
        Git.Run(_root, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    public string? Read(string path) => File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : null;

    public void Write(string path, string? content)
    {
        var full = Full(path);
        if (content is null)
        {
            File.Delete(full);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string Commit(string message, string authorName, string authorEmail, DateTimeOffset date)
    {
        Git.Run(_root, "add", "--all");
        var stamp = $"@{date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)} +0000";
        Git.Run(_root, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = authorName,
            ["GIT_AUTHOR_EMAIL"] = authorEmail,
            ["GIT_AUTHOR_DATE"] = stamp,
            ["GIT_COMMITTER_NAME"] = authorName,
            ["GIT_COMMITTER_EMAIL"] = authorEmail,
            ["GIT_COMMITTER_DATE"] = stamp,
        }, "commit", "--quiet", "--allow-empty", "--no-verify", "-m", message);
        return Git.Run(_root, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Sets branches of the bare repository to commits made here.</summary>
    public void Push(string bareRepository, IEnumerable<(string Branch, string Commit)> refs)
    {
        var arguments = new List<string> { "push", "--quiet", "--force", bareRepository };
        arguments.AddRange(refs.Select(r => $"{r.Commit}:refs/heads/{r.Branch}"));
        if (arguments.Count > 4)
        {
            Git.Run(_root, [.. arguments]);
        }
    }

    public void Dispose() => GitWorkingCopy.RemoveDirectory(_root);

    private string Full(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || full.Contains(Path.DirectorySeparatorChar + ".git", StringComparison.Ordinal))
        {
            throw new ArgumentException($"file path '{path}' leaves the repository", nameof(path));
        }
        return full;
    }
}

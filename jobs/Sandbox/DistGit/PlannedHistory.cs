namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// A repository's history planned in memory and then written in one go (<see cref="BareRepository.Write"/>): each
/// commit gives its complete file set (as <c>git commit --all</c> would record it), and branches point at commits
/// by their index in the plan.
/// </summary>
internal sealed class PlannedHistory
{
    private readonly List<PlannedCommit> _commits = [];
    private readonly Dictionary<string, int> _branches = new(StringComparer.Ordinal);

    /// <summary>A commit, its parent by index (none for a root commit), its files by path and its author, who also committed it.</summary>
    public sealed record PlannedCommit(int? Parent, IReadOnlyDictionary<string, string> Files, string Message,
        string AuthorName, string AuthorEmail, DateTimeOffset Date);

    public IReadOnlyList<PlannedCommit> Commits => _commits;

    /// <summary>Each branch's head, by the index of its commit.</summary>
    public IReadOnlyDictionary<string, int> Branches => _branches;

    /// <summary>Adds a commit on <paramref name="branch"/> and moves the branch to it; returns its index for later commits and branches.</summary>
    public int Commit(string branch, int? parent, IReadOnlyDictionary<string, string> files,
        string message, string authorName, string authorEmail, DateTimeOffset date)
    {
        // Whole seconds in UTC, as git records a commit's time.
        var time = DateTimeOffset.FromUnixTimeSeconds(date.ToUnixTimeSeconds());
        _commits.Add(new PlannedCommit(parent, files, CleanMessage(message), authorName, authorEmail, time));
        _branches[branch] = _commits.Count - 1;
        return _commits.Count - 1;
    }

    /// <summary>Points <paramref name="branch"/> at an earlier commit.</summary>
    public void SetBranch(string branch, int commit) => _branches[branch] = commit;

    /// <summary>The message as <c>git commit -m</c> stores it: trailing spaces and surplus blank lines removed, one final newline.</summary>
    internal static string CleanMessage(string message)
    {
        var lines = new List<string>();
        foreach (var line in message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.Length == 0 && (lines.Count == 0 || lines[^1].Length == 0))
            {
                continue;
            }
            lines.Add(line);
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
    }
}

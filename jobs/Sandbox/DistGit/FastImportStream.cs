using System.Globalization;
using System.Text;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// A <c>git fast-import</c> stream that writes a repository's whole history in one git process: each commit gives
/// its complete file set (as <c>git commit --all</c> would record it), and branches are set to commits by mark.
/// Seeding this way costs two processes per repository instead of a dozen per branch.
/// </summary>
internal sealed class FastImportStream
{
    private readonly MemoryStream _bytes = new();
    private int _marks;

    public FastImportStream() => Line("feature done");

    /// <summary>Adds a commit on <paramref name="branch"/>; returns its mark (<c>:N</c>) for later commits and branches.</summary>
    public string Commit(string branch, string? parentMark, IReadOnlyDictionary<string, string> files,
        string message, string authorName, string authorEmail, DateTimeOffset date)
    {
        var mark = $":{++_marks}";
        var ident = $"{authorName} <{authorEmail}> {date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)} +0000";
        Line($"commit refs/heads/{branch}");
        Line($"mark {mark}");
        Line($"author {ident}");
        Line($"committer {ident}");
        Data(CleanMessage(message));
        if (parentMark is not null)
        {
            Line($"from {parentMark}");
        }
        Line("deleteall");
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Line($"M 100644 inline {path}");
            Data(content);
        }
        Line("");
        return mark;
    }

    /// <summary>Points <paramref name="branch"/> at an earlier commit.</summary>
    public void SetBranch(string branch, string mark)
    {
        Line($"reset refs/heads/{branch}");
        Line($"from {mark}");
        Line("");
    }

    public byte[] ToBytes()
    {
        var end = Encoding.UTF8.GetBytes("done\n");
        return [.. _bytes.ToArray(), .. end];
    }

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

    private void Line(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        _bytes.Write(bytes);
    }

    private void Data(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        Line($"data {bytes.Length.ToString(CultureInfo.InvariantCulture)}");
        _bytes.Write(bytes);
        Line("");
    }
}

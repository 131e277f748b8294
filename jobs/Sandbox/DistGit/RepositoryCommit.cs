using System.Globalization;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// A commit of a sandbox repository as Pagure's <c>c/{hash}/info</c> reports it (pygit2's view): the names of author
/// and committer, the committer's time and UTC offset in minutes, the raw message, the parents and the tree.
/// </summary>
internal sealed record RepositoryCommit(
    string Hash,
    string Author,
    string Committer,
    long CommitTime,
    int CommitTimeOffset,
    string Message,
    IReadOnlyList<string> ParentIds,
    string TreeId)
{
    /// <summary>Reads a raw commit object (<c>git cat-file commit</c>): headers, a blank line, the message.</summary>
    public static RepositoryCommit Parse(string hash, string raw)
    {
        var end = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = (end < 0 ? raw : raw[..end]).Split('\n');
        var message = end < 0 ? "" : raw[(end + 2)..];
        string tree = "", author = "", committer = "";
        long time = 0;
        var offset = 0;
        var parents = new List<string>();
        // Continuation lines (a signature's) start with a space and belong to the header before them.
        foreach (var line in headers.Where(l => !l.StartsWith(' ')))
        {
            var (key, value) = line.IndexOf(' ') is var space and > 0 ? (line[..space], line[(space + 1)..]) : (line, "");
            switch (key)
            {
                case "tree":
                    tree = value;
                    break;
                case "parent":
                    parents.Add(value);
                    break;
                case "author":
                    author = Identity(value).Name;
                    break;
                case "committer":
                    (committer, time, offset) = Identity(value);
                    break;
            }
        }
        return new RepositoryCommit(hash, author, committer, time, offset, message, parents, tree);
    }

    /// <summary><c>Name &lt;email&gt; 1732406400 +0130</c> → the name, the epoch seconds and the offset in minutes.</summary>
    private static (string Name, long Time, int OffsetMinutes) Identity(string value)
    {
        var close = value.LastIndexOf('>');
        var open = value.LastIndexOf('<', Math.Max(close, 0));
        var name = (open > 0 ? value[..open] : value).Trim();
        var rest = close >= 0 ? value[(close + 1)..].Trim().Split(' ') : [];
        var time = rest.Length > 0 && long.TryParse(rest[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0;
        var offset = 0;
        if (rest.Length > 1 && rest[1] is [var sign and ('+' or '-'), .. var digits] && digits.Length == 4
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
        {
            offset = (sign == '-' ? -1 : 1) * (hhmm / 100 * 60 + hhmm % 100);
        }
        return (name, time, offset);
    }
}

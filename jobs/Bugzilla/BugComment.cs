using System.Text.RegularExpressions;

namespace Releng.Jobs.Bugzilla;

/// <summary>A comment on a bug. <see cref="Count"/> is its position on the bug (0 is the description).</summary>
public sealed partial record BugComment(
    int Id,
    int BugId,
    int Count,
    string Text,
    string Creator,
    DateTimeOffset CreationTime,
    bool IsPrivate)
{
    /// <summary>Whether <paramref name="login"/> wrote it; Bugzilla logins are e-mails, compared without case.</summary>
    public bool IsBy(string login) => string.Equals(Creator, login, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the comment is exactly <paramref name="text"/> as Bugzilla stores a posted text (line ends as <c>\n</c>,
    /// trailing white space removed), whatever address its links name: a link to the same page of a service that moved
    /// (or a sandbox fake that listens on another port this run) is the same comment, not one to post again.
    /// </summary>
    public bool HasText(string text) => string.Equals(Normalize(Text), Normalize(text), StringComparison.Ordinal);

    private static string Normalize(string text) => LinkOrigin().Replace(text.ReplaceLineEndings("\n").TrimEnd(), "");

    [GeneratedRegex(@"\bhttps?://[^/\s]+")]
    private static partial Regex LinkOrigin();
}

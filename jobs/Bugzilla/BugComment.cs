namespace Releng.Jobs.Bugzilla;

/// <summary>A comment on a bug. <see cref="Count"/> is its position on the bug (0 is the description).</summary>
public sealed record BugComment(
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
    /// Whether the comment is exactly <paramref name="text"/> as Bugzilla stores a posted text: line ends as
    /// <c>\n</c> and trailing white space removed.
    /// </summary>
    public bool HasText(string text) => string.Equals(Normalize(Text), Normalize(text), StringComparison.Ordinal);

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}

namespace Releng.Jobs.Bugzilla;

/// <summary>A comment on a bug. <see cref="Count"/> is its position on the bug (0 is the description).</summary>
public sealed record BugComment(
    int Id,
    int BugId,
    int Count,
    string Text,
    string Creator,
    DateTimeOffset CreationTime,
    bool IsPrivate);

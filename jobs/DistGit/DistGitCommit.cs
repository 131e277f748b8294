namespace Releng.Jobs.DistGit;

/// <summary>
/// One commit as dist-git's commit patch describes it (<c>GET /{ns}/{repo}/c/{hash}.patch</c>): the author as
/// <c>name &lt;email&gt;</c>, the committer's time in UTC (the only time it gives), the message, and the text of the
/// one file the caller watched for when this commit added it against its first parent.
/// </summary>
/// <param name="AddedFile">The watched file's text when the commit added it, else null (not in the commit, changed or deleted).</param>
public sealed record DistGitCommit(
    string Hash,
    string Author,
    DateTimeOffset CommitTime,
    string Message,
    string? AddedFile);

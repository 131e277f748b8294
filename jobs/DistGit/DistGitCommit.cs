namespace Releng.Jobs.DistGit;

/// <summary>
/// One commit as dist-git's API describes it (<c>GET /api/0/{ns}/{repo}/c/{hash}/info</c>): names without email
/// addresses, and only the committer's time (with its offset), not the author's.
/// </summary>
public sealed record DistGitCommit(
    string Hash,
    string Author,
    string Committer,
    DateTimeOffset CommitTime,
    string Message,
    IReadOnlyList<string> ParentIds);

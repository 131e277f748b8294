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
    string TreeId);

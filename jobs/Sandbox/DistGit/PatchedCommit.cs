namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>A commit of a sandbox repository with what Pagure's <c>c/{hash}.patch</c> prints of it: the diff against its first parent.</summary>
internal sealed record PatchedCommit(string Hash, string AuthorName, string AuthorEmail, long CommitTime, string Message, string Diff);

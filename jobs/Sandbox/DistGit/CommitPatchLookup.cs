namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>What an id given to Pagure's commit patch names in a repository.</summary>
internal enum CommitPatchLookup
{
    NoSuchObject,
    NotACommit,
    Commit,
}

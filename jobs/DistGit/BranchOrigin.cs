namespace Releng.Jobs.DistGit;

/// <summary>Where a new branch starts: at the head of another branch or at a given commit (exactly one of the two).</summary>
public sealed record BranchOrigin
{
    private BranchOrigin(string? branch, string? commit)
    {
        Branch = branch;
        Commit = commit;
    }

    public string? Branch { get; }
    public string? Commit { get; }

    public static BranchOrigin FromBranch(string branch) => new(DistGitName.Branch(branch), null);

    public static BranchOrigin FromCommit(string commit) => new(null, DistGitName.Commit(commit));

    public override string ToString() => Branch is not null ? $"branch {Branch}" : $"commit {Commit}";
}

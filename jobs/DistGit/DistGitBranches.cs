namespace Releng.Jobs.DistGit;

/// <summary>The branches of a dist-git repository with their head commits, and the default branch.</summary>
public sealed record DistGitBranches(IReadOnlyList<DistGitBranch> Branches, string? Default)
{
    public bool Contains(string branch) => Branches.Any(b => b.Name == branch);

    /// <summary>The head commit of a branch, or null if the branch does not exist.</summary>
    public string? HeadOf(string branch) => Branches.FirstOrDefault(b => b.Name == branch)?.Head;

    public IEnumerable<string> Names => Branches.Select(b => b.Name);
}

/// <summary>A branch and its head commit (null when the forge did not say).</summary>
public sealed record DistGitBranch(string Name, string? Head);

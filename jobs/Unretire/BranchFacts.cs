using Releng.Jobs.DistGit;

namespace Releng.Jobs.Unretire;

/// <summary>
/// What the checks found for one requested branch. <see cref="DeadPackage"/> is the text of <c>dead.package</c>
/// (null: not retired); <see cref="Retirement"/> the commit that added it. <see cref="KojiBlocked"/>: true blocked,
/// false listed and unblocked, null not in the tag's package list or not checked (<see cref="KojiTag"/> null).
/// </summary>
public sealed record BranchFacts(
    string Branch,
    bool Exists,
    string? DeadPackage,
    RetirementCommit? Retirement,
    string? KojiTag,
    bool? KojiBlocked,
    bool ReviewExempt = false)
{
    public bool IsRetired => DeadPackage is not null;

    /// <summary>Whole days between the retirement and <paramref name="now"/>.</summary>
    public int? AgeDays(DateTimeOffset now) => Retirement is null ? null : (int)Math.Floor((now - Retirement.AuthorDate).TotalDays);
}

namespace Releng.Jobs.Forgejo;

/// <summary>One page of an issue listing and the listing's <c>X-Total-Count</c> (every matching issue, all pages).</summary>
public sealed record ForgejoIssuePage(IReadOnlyList<ForgejoIssue> Issues, long? Total);

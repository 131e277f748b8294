namespace Releng.Jobs.Forgejo;

/// <summary>The query of one issue listing; see <see cref="IForgejoApi.ListIssuesAsync"/> for each parameter's rules.</summary>
public sealed record ForgejoIssueFilter
{
    public string? State { get; init; } = ForgejoIssue.Open;
    /// <summary><c>issues</c> by default: pull requests are never tickets.</summary>
    public string? Type { get; init; } = "issues";
    public string? Labels { get; init; }
    /// <summary>RFC 3339.</summary>
    public string? Since { get; init; }
    /// <summary><c>oldest</c>, <c>latest</c> (the server's default), <c>recentupdate</c>, …</summary>
    public string? Sort { get; init; }
}

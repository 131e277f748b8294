namespace Releng.Jobs.Pagure;

/// <summary>One page of <c>GET /api/0/&lt;project&gt;/issues</c>. <see cref="TotalIssues"/> counts this page only.</summary>
public sealed record PagureIssuePage(IReadOnlyList<PagureIssue> Issues, PagurePagination Pagination, int TotalIssues);

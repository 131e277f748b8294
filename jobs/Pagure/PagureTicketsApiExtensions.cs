namespace Releng.Jobs.Pagure;

public static class PagureTicketsApiExtensions
{
    /// <summary>
    /// Every issue matching <paramref name="filter"/>, reading <c>page=1, 2, …</c> until <c>pagination.pages</c>.
    /// Page URLs are built here, never taken from <c>next</c>, which drops repeated <c>tags</c>. An issue that moves
    /// between pages while reading is returned once.
    /// </summary>
    public static async Task<IReadOnlyList<PagureIssue>> ListAllIssuesAsync(
        this IPagureTicketsApi api, string project, PagureIssueFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        filter ??= new PagureIssueFilter();
        var issues = new List<PagureIssue>();
        var seen = new HashSet<int>();
        for (var page = 1; ; page++)
        {
            var result = await api.ListIssuesAsync(
                project, filter.Status, filter.Tags.Count == 0 ? null : filter.Tags, filter.Author, filter.Assignee,
                filter.Since?.ToUnixTimeSeconds(), filter.Order, page, filter.PerPage, cancellationToken);
            issues.AddRange(result.Issues.Where(issue => seen.Add(issue.Id)));
            if (page >= result.Pagination.Pages || result.Issues.Count == 0)
            {
                return issues;
            }
        }
    }
}

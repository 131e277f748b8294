namespace Releng.Jobs.Pagure;

public static class PagureTicketsApiExtensions
{
    /// <summary>
    /// Every issue matching <paramref name="filter"/>: page 1, then, once it says how many pages there are
    /// (<c>pagination.pages</c>), pages 2 to the last at once (<see cref="Http.ConcurrentPages"/>: bounded, in order). Page URLs
    /// are built here, never taken from <c>next</c>, which drops repeated <c>tags</c>. Issues come in page order; one
    /// that moves between pages while reading is returned once.
    /// </summary>
    public static async Task<IReadOnlyList<PagureIssue>> ListAllIssuesAsync(
        this IPagureTicketsApi api, string project, PagureIssueFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        filter ??= new PagureIssueFilter();
        var first = await ReadPageAsync(1, cancellationToken);
        var rest = first.Issues.Count == 0 || first.Pagination.Pages <= 1
            ? []
            : await Http.ConcurrentPages.ReadAsync(2, first.Pagination.Pages, ReadPageAsync, cancellationToken);
        var seen = new HashSet<int>();
        return rest.Prepend(first).SelectMany(page => page.Issues).Where(issue => seen.Add(issue.Id)).ToList();

        Task<PagureIssuePage> ReadPageAsync(int page, CancellationToken token) => api.ListIssuesAsync(
            project, filter.Status, filter.Tags.Count == 0 ? null : filter.Tags, filter.Author, filter.Assignee,
            filter.Since?.ToUnixTimeSeconds(), filter.Order, page, filter.PerPage, token);
    }
}

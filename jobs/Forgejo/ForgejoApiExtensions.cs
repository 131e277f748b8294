using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Releng.Jobs.Http;

namespace Releng.Jobs.Forgejo;

public static class ForgejoApiExtensions
{
    /// <summary>
    /// Every issue of one listing with <paramref name="pageSize"/> (already capped at the server's
    /// <see cref="ForgejoApiSettings.MaxResponseItems"/>): page 1, then, once its <c>X-Total-Count</c> says how many
    /// pages there are, pages 2 to the last at once (<see cref="ConcurrentPages"/>: bounded, in order). A full last page
    /// (more issues since the count, or a server without the header) is followed one page at a time until a page comes
    /// back short, the rule that holds whatever the headers say. An issue that moves between pages is returned once.
    /// </summary>
    public static async Task<IReadOnlyList<ForgejoIssue>> ListAllIssuesAsync(
        this IForgejoApi api, string owner, string repo, ForgejoIssueFilter filter, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var first = await ReadPageAsync(1, cancellationToken);
        var pages = new List<IReadOnlyList<ForgejoIssue>> { first.Issues };
        if (first.Issues.Count >= pageSize && first.Total is { } total)
        {
            var last = (int)Math.Min(int.MaxValue, (total + pageSize - 1) / pageSize);
            pages.AddRange((await ConcurrentPages.ReadAsync(2, last, ReadPageAsync, cancellationToken)).Select(page => page.Issues));
        }
        while (pages[^1].Count >= pageSize)
        {
            pages.Add((await ReadPageAsync(pages.Count + 1, cancellationToken)).Issues);
        }
        var seen = new HashSet<long>();
        return pages.SelectMany(page => page).Where(issue => seen.Add(issue.Id)).ToList();

        Task<ForgejoIssuePage> ReadPageAsync(int page, CancellationToken token) => api.ReadIssuePageAsync(
            owner, repo, filter, page, pageSize, token);
    }

    /// <summary>One page of issues and the listing's <c>X-Total-Count</c> (null when the server did not send it).</summary>
    public static async Task<ForgejoIssuePage> ReadIssuePageAsync(
        this IForgejoApi api, string owner, string repo, ForgejoIssueFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        using var response = await api.ListIssuesAsync(owner, repo, filter.State, filter.Type, filter.Labels, filter.Since,
            filter.Sort, page, pageSize, cancellationToken);
        if (await ForgejoErrors.FromResponseAsync(response) is { } error)
        {
            throw error;
        }
        var issues = await response.Content.ReadFromJsonAsync<List<ForgejoIssue>>(ForgejoJson.Options, cancellationToken) ?? [];
        long? total = response.Headers.TryGetValues("X-Total-Count", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
        return new ForgejoIssuePage(issues, total);
    }

    /// <summary>The repository's labels and, when the owner is an organization, the organization's: every page of each.</summary>
    public static async Task<IReadOnlyList<ForgejoLabel>> ListAllLabelsAsync(
        this IForgejoApi api, string owner, string repo, int pageSize, CancellationToken cancellationToken = default)
    {
        var repoLabels = ReadAllAsync(page => api.ListRepoLabelsAsync(owner, repo, page, pageSize, cancellationToken), pageSize);
        var orgLabels = OrgLabelsAsync();
        return [.. await repoLabels, .. await orgLabels];

        async Task<IReadOnlyList<ForgejoLabel>> OrgLabelsAsync()
        {
            try
            {
                return await ReadAllAsync(page => api.ListOrgLabelsAsync(owner, page, pageSize, cancellationToken), pageSize);
            }
            catch (ForgejoException e) when (e.Status == HttpStatusCode.NotFound)
            {
                return []; // a user's repository: there is no organization
            }
        }
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(Func<int, Task<List<T>>> readPage, int pageSize)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var batch = await readPage(page);
            all.AddRange(batch);
            if (batch.Count < pageSize)
            {
                return all;
            }
        }
    }
}

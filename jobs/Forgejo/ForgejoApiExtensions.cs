using System.Net;

namespace Releng.Jobs.Forgejo;

public static class ForgejoApiExtensions
{
    /// <summary>
    /// Every issue of one listing, reading <c>page=1, 2, …</c> with <paramref name="pageSize"/> (already capped at the
    /// server's <see cref="ForgejoApiSettings.MaxResponseItems"/>) until a page comes back short. That rule holds
    /// whether or not the server sends <c>Link</c>. An issue that moves between pages while reading is returned once.
    /// </summary>
    public static async Task<IReadOnlyList<ForgejoIssue>> ListAllIssuesAsync(
        this IForgejoApi api, string owner, string repo, ForgejoIssueFilter filter, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var issues = new List<ForgejoIssue>();
        var seen = new HashSet<long>();
        for (var page = 1; ; page++)
        {
            var batch = await api.ListIssuesAsync(owner, repo, filter.State, filter.Type, filter.Labels, filter.Since,
                filter.Sort, page, pageSize, cancellationToken);
            issues.AddRange(batch.Where(issue => seen.Add(issue.Id)));
            if (batch.Count < pageSize)
            {
                return issues;
            }
        }
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

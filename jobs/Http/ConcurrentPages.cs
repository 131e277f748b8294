namespace Releng.Jobs.Http;

/// <summary>
/// The rest of a paged list once its first page has said how long it is: pages <c>first</c> to <c>last</c> read at
/// once, at most <see cref="Bound"/> in flight (the per-service bound of the HTTP policy, which would queue the rest
/// anyway), returned in page order whatever order they arrive in.
/// </summary>
public static class ConcurrentPages
{
    public static int Bound => HttpOptions.Default.MaxConcurrency;

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        int first, int last, Func<int, CancellationToken, Task<T>> readPage, CancellationToken cancellationToken)
    {
        if (last < first)
        {
            return [];
        }
        var pages = new T[last - first + 1];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Bound, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(first, pages.Length), options,
            async (page, token) => pages[page - first] = await readPage(page, token).ConfigureAwait(false)).ConfigureAwait(false);
        return pages;
    }
}

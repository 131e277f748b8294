namespace Releng.Jobs.Http;

/// <summary>
/// Marks a request as safe to repeat. GET and HEAD are safe by nature; a POST that only reads (a Koji XML-RPC query)
/// is marked by its client so the retry policy may repeat it.
/// </summary>
public static class RequestIdempotency
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("releng-jobs.idempotent");
    private static readonly HttpRequestOptionsKey<bool> SynchronousWriteKey = new("releng-jobs.synchronous-write");

    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Key, true);
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ||
        (request.Options.TryGetValue(Key, out var marked) && marked);

    /// <summary>A write the server carries out before it answers (e.g. creating a project's git repository): it gets a longer timeout.</summary>
    public static HttpRequestMessage MarkSynchronousWrite(this HttpRequestMessage request)
    {
        request.Options.Set(SynchronousWriteKey, true);
        return request;
    }

    public static bool IsSynchronousWrite(this HttpRequestMessage request) =>
        request.Options.TryGetValue(SynchronousWriteKey, out var marked) && marked;
}

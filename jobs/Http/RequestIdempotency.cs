namespace Releng.Jobs.Http;

/// <summary>
/// Marks a request as safe to repeat. GET and HEAD are safe by nature; a POST that only reads (a Koji XML-RPC query)
/// is marked by its client so the retry policy may repeat it.
/// </summary>
public static class RequestIdempotency
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("releng-jobs.idempotent");

    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Key, true);
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ||
        (request.Options.TryGetValue(Key, out var marked) && marked);
}

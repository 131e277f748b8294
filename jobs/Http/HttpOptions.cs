namespace Releng.Jobs.Http;

/// <summary>Timeouts, retries and bounds for one service's HttpClient. Tests shorten the delays.</summary>
public sealed record HttpOptions
{
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>
    /// For a write the server finishes before answering (a dist-git project with <c>wait=true</c> took 12 s of worker
    /// time on a loaded server): its one attempt may take this long. Such a write is not repeated; its caller re-checks.
    /// </summary>
    public TimeSpan SynchronousWriteTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public int MaxRetries { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>A Retry-After longer than this is not waited for: the next scheduled run will try again.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    public int MaxConcurrency { get; init; } = 8;

    public static HttpOptions Default { get; } = new();
}

namespace Releng.Jobs.Http;

/// <summary>Timeouts, retries and bounds for one service's HttpClient. Tests shorten the delays.</summary>
public sealed record HttpSettings
{
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);
    public int MaxRetries { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>A Retry-After longer than this is not waited for: the next scheduled run will try again.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    public int MaxConcurrency { get; init; } = 8;

    public static HttpSettings Default { get; } = new();
}

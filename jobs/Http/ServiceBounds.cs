namespace Releng.Jobs.Http;

/// <summary>
/// How many requests may be in flight at once to each service: the ones jobs.yaml's <c>services.&lt;env&gt;.concurrency</c>
/// names, and <see cref="Default"/> for the others. Each service's client is gated by its bound; jobs that choose how
/// much work to start at once read it here.
/// </summary>
public sealed record ServiceBounds(IReadOnlyDictionary<string, int> Named, int Default)
{
    public static ServiceBounds Defaults { get; } = new(new Dictionary<string, int>(), HttpOptions.Default.MaxConcurrency);

    public int For(string service) => Named.TryGetValue(service, out var bound) ? bound : Default;
}

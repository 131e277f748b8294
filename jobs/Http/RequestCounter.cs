using System.Collections.Concurrent;

namespace Releng.Jobs.Http;

/// <summary>
/// HTTP requests sent per service, reads and writes apart (a read is a request safe to repeat: GET, HEAD or a
/// marked XML-RPC query). Every attempt counts, retries included: the figure is what the service saw. One counter
/// serves all clients of a service provider, so a job's plan can say what it cost. The time spent waiting for
/// answers, summed over requests, divided by the wall time is the effective concurrency.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, Counts> _services = new(StringComparer.Ordinal);

    public void Count(string service, bool read, TimeSpan duration = default)
    {
        var counts = _services.GetOrAdd(service, _ => new Counts());
        Interlocked.Add(ref counts.BusyTicks, duration.Ticks);
        if (read)
        {
            Interlocked.Increment(ref counts.Reads);
        }
        else
        {
            Interlocked.Increment(ref counts.Writes);
        }
    }

    /// <summary>The counts so far, by service name.</summary>
    public RequestCounts Snapshot() => new(_services.ToDictionary(
        s => s.Key, s => new ServiceRequests(Volatile.Read(ref s.Value.Reads), Volatile.Read(ref s.Value.Writes), TimeSpan.FromTicks(Interlocked.Read(ref s.Value.BusyTicks))), StringComparer.Ordinal));

    private sealed class Counts
    {
        public int Reads;
        public int Writes;
        public long BusyTicks;
    }
}

/// <summary>Requests sent to one service, and the time spent waiting for their answers (summed, so it may exceed the wall time).</summary>
public sealed record ServiceRequests(int Reads, int Writes, TimeSpan Busy = default)
{
    public int Total => Reads + Writes;
}

/// <summary>Requests per service at one moment; subtract two to get what happened in between.</summary>
public sealed record RequestCounts(IReadOnlyDictionary<string, ServiceRequests> Services)
{
    public static RequestCounts None { get; } = new(new Dictionary<string, ServiceRequests>());

    public int Total => Services.Values.Sum(s => s.Total);

    public TimeSpan Busy => TimeSpan.FromTicks(Services.Values.Sum(s => s.Busy.Ticks));

    public ServiceRequests For(string service) => Services.GetValueOrDefault(service) ?? new ServiceRequests(0, 0);

    public RequestCounts Since(RequestCounts earlier) => new(Services.ToDictionary(
        s => s.Key, s => new ServiceRequests(s.Value.Reads - earlier.For(s.Key).Reads, s.Value.Writes - earlier.For(s.Key).Writes, s.Value.Busy - earlier.For(s.Key).Busy),
        StringComparer.Ordinal));

    /// <summary>"pagure 12 reads / 2 writes, koji 1 read / 0 writes", services in name order, those without a request left out.</summary>
    public string Describe()
    {
        var used = Services.Where(s => s.Value.Total > 0).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        return used.Count == 0
            ? "none"
            : string.Join(", ", used.Select(s => $"{s.Key} {s.Value.Reads} read{(s.Value.Reads == 1 ? "" : "s")} / {s.Value.Writes} write{(s.Value.Writes == 1 ? "" : "s")}"));
    }
}

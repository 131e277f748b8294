namespace Releng.Jobs.Benchmarks;

/// <summary>
/// Samples this process's resident memory and managed heap while a measured run goes on and keeps the peaks; the
/// run's growth is the peak less the level after a full collection before it started. <see cref="RetainedGrowth"/>
/// is what the run still holds at its end (after a full collection, with its result alive): the cost that grows with
/// the number of tickets, where the peaks also count garbage the collector had not yet reclaimed.
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;
    private long _peakManaged;

    private PeakMemory()
    {
        ManagedBaseline = FullCollection();
        Baseline = Environment.WorkingSet;
        _peak = Baseline;
        _peakManaged = ManagedBaseline;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                await Task.Delay(20).ConfigureAwait(false);
            }
        });
    }

    public long Baseline { get; }

    public long ManagedBaseline { get; }

    public long Peak => Interlocked.Read(ref _peak);

    public long Growth => Peak - Baseline;

    public long PeakManagedGrowth => Interlocked.Read(ref _peakManaged) - ManagedBaseline;

    /// <summary>Managed heap after a full collection at the end, less the same before the start.</summary>
    public long RetainedGrowth { get; private set; }

    public static PeakMemory Start() => new();

    /// <summary>Managed heap now, after a full collection, less the same before the start.</summary>
    public long RetainedNow() => FullCollection() - ManagedBaseline;

    public async ValueTask DisposeAsync()
    {
        Sample();
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
        RetainedGrowth = FullCollection() - ManagedBaseline;
    }

    private static long FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private void Sample()
    {
        Raise(ref _peak, Environment.WorkingSet);
        Raise(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Raise(ref long peak, long now)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref peak, now, seen) != seen);
    }
}

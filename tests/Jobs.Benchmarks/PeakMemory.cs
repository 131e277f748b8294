namespace Releng.Jobs.Benchmarks;

/// <summary>
/// Samples this process's resident memory while a measured run goes on and keeps the peak; the run's growth is
/// the peak less the level after a full collection before it started.
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    private PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Baseline = Environment.WorkingSet;
        _peak = Baseline;
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

    public long Peak => Interlocked.Read(ref _peak);

    public long Growth => Peak - Baseline;

    public static PeakMemory Start() => new();

    public async ValueTask DisposeAsync()
    {
        Sample();
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peak, now, seen) != seen);
    }
}

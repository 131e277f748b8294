namespace Releng.Jobs.Benchmarks;

/// <summary>One benchmark: runs its variants and reports one row per variant. Add a class and list it in <see cref="Program"/>.</summary>
public interface IBenchmark
{
    string Name { get; }

    Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One measured variant: how many HTTP requests it sent and how long it took end to end; where it applies, the
/// requests per ticket, the peak memory, the effective concurrency (time spent in requests ÷ wall time) and the
/// issue's goal with whether this run met it.
/// </summary>
public sealed record BenchmarkRow(string Benchmark, string Variant, int Requests, TimeSpan WallTime, string Notes = "")
{
    public double? RequestsPerTicket { get; init; }
    public long? PeakMemoryBytes { get; init; }
    public double? Concurrency { get; init; }
    public string Goal { get; init; } = "";
}

using Releng.Jobs.Benchmarks;

// Stopwatch benchmarks of whole client operations against the in-process fake services; each prints its rows
// as one Markdown table. Add a benchmark by implementing IBenchmark and listing it here.
IBenchmark[] benchmarks =
[
    new KojiMultiCallBenchmark(packages: 500, latencyMs: 50),
    new BaseImageRebuildBenchmark(packages: 200, latencyMs: 50),
];

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var rows = new List<BenchmarkRow>();
foreach (var benchmark in benchmarks)
{
    Console.Error.WriteLine($"running: {benchmark.Name}");
    rows.AddRange(await benchmark.RunAsync(cancellation.Token));
}
Console.WriteLine(MarkdownTable.Render(rows));

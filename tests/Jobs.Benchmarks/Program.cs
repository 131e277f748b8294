using Releng.Jobs.Benchmarks;

// Stopwatch benchmarks of whole operations against the in-process fake services and of the host's start; each
// prints its rows in one Markdown table, after the machine they ran on. The default set takes a few minutes;
// --full adds the largest sizes and every latency for both ticket jobs. Add a benchmark by implementing IBenchmark.
var full = args.Contains("--full");
// --only=<text> runs the benchmarks whose name contains it, e.g. --only=Koji.
var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?["--only=".Length..];
// --tickets=500,2000 and --latency=20 (each a comma-separated list) run the ticket jobs at just those sizes and latencies.
var tickets = ListArgument(args, "--tickets=");
var latencies = ListArgument(args, "--latency=");
// --distgit-concurrency=12 runs them with that many dist-git requests at once (jobs.yaml services.<env>.concurrency).
var distGitBound = ListArgument(args, "--distgit-concurrency=") is [var bound] ? bound : (int?)null;
(int, int, int?)[] ticketVariants = tickets is not null || latencies is not null || distGitBound is not null
    ? [.. from n in tickets ?? [100, 500] from ms in latencies ?? [20] select (n, ms, distGitBound)]
    : full
        ? [(100, 0, null), (100, 20, null), (100, 100, null), (500, 0, null), (500, 20, null), (500, 100, null),
           (2000, 0, null), (2000, 20, null), (2000, 100, null), (2000, 20, 12)]
        : [(100, 0, null), (100, 20, null), (100, 100, null), (500, 20, null)];
IBenchmark[] benchmarks =
[
    new HostStartBenchmark(),
    new SandboxRunBenchmark(),
    new SandboxSeedingBenchmark(full ? [100, 500, 2000] : [100, 2000]),
    new TicketJobBenchmark("unretire", TicketScenarios.Unretire, ticketVariants),
    new TicketJobBenchmark("scm-requests", TicketScenarios.ScmRequests, ticketVariants),
    new KojiMultiCallBenchmark(packages: 500, latencyMs: 50),
    new BaseImageRebuildBenchmark(packages: 200, latencyMs: 50),
];

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(full ? 60 : 15));
Console.WriteLine(Machine.Describe());
Console.WriteLine("Times are of one shared machine under whatever else ran on it: compare ratios and request counts rather than absolute times.");
Console.WriteLine();
var rows = new List<BenchmarkRow>();
foreach (var benchmark in benchmarks.Where(b => only is null || b.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
{
    Console.Error.WriteLine($"running: {benchmark.Name}");
    var measured = await benchmark.RunAsync(cancellation.Token);
    // Each benchmark's rows as soon as it ends, so a long run shows its progress.
    Console.Error.Write(MarkdownTable.Render(measured));
    rows.AddRange(measured);
}
Console.WriteLine(MarkdownTable.Render(rows));

static int[]? ListArgument(string[] args, string prefix) =>
    args.LastOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal)) is { } value
        ? value[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
        : null;

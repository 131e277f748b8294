namespace Releng.Jobs.Benchmarks;

/// <summary>
/// The README's first command, <c>./build.sh --target=all --env=sandbox --fresh</c>: every job's plan against a
/// sandbox seeded from nothing, end to end in a child process on an up-to-date checkout (wall time and peak resident
/// memory, the median of a few runs after one warm-up run that also builds when a source changed).
/// </summary>
public sealed class SandboxRunBenchmark(int runs = 3) : IBenchmark
{
    public string Name => "Sandbox, every job (`--target=all --env=sandbox --fresh`)";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        string[] command = ["./build.sh", "--target=all", "--env=sandbox", "--fresh"];
        await ChildProcessRun.RunAsync(root, "bash", command, cancellationToken);
        var results = new List<ChildProcessRun.Result>();
        for (var i = 0; i < runs; i++)
        {
            results.Add(await ChildProcessRun.RunAsync(root, "bash", command, cancellationToken));
        }
        var wall = results.Select(r => r.Wall).Order().ElementAt(runs / 2);
        var memory = results.Select(r => r.PeakMemoryBytes ?? 0).Order().ElementAt(runs / 2);
        return
        [
            new BenchmarkRow(Name, "plan of every job in jobs.yaml, seeded afresh", 0, wall,
                $"median of {runs}; fastest {results.Min(r => r.Wall).TotalSeconds:0.00} s, slowest {results.Max(r => r.Wall).TotalSeconds:0.00} s")
            {
                PeakMemoryBytes = memory > 0 ? memory : null,
                Goal = HostStartBenchmark.Goal(wall.TotalSeconds <= 5, "≤ 5 s wall"),
            },
        ];
    }
}

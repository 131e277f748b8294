using System.Diagnostics;
using Releng.Jobs.Sandbox;

namespace Releng.Jobs.Benchmarks;

/// <summary>Seeding the fake dist-git: N bare repositories with two branches each, written in-process by libgit2.</summary>
public sealed class SandboxSeedingBenchmark(IReadOnlyList<int> sizes) : IBenchmark
{
    public string Name => "Sandbox seeding (dist-git)";

    public Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<BenchmarkRow>();
        foreach (var size in sizes)
        {
            Console.Error.WriteLine($"  seeding {size} repositories");
            var directory = Directory.CreateTempSubdirectory("releng-seed-");
            try
            {
                var scenario = TicketScenarios.Repositories(size);
                var clock = Stopwatch.StartNew();
                SandboxWorld.Seed(scenario, "benchmark", new SandboxPaths(directory.FullName));
                clock.Stop();
                var goal = size == 2000 ? HostStartBenchmark.Goal(clock.Elapsed <= TimeSpan.FromSeconds(20), "≤ 20 s") : "";
                rows.Add(new BenchmarkRow(Name, $"{size} repositories", 0, clock.Elapsed,
                    $"no git process (libgit2 in-process), {clock.Elapsed.TotalMilliseconds / size:0.0} ms per repository") { Goal = goal });
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }
        return Task.FromResult<IReadOnlyList<BenchmarkRow>>(rows);
    }
}

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// <c>./build.sh --description</c> on an up-to-date checkout, paired in the same run with Cake's own runner
/// printing the description of a trivial script. Cake's runner is the <c>Cake.dll</c> of the Cake.Tool package the
/// build already downloads (<c>$NUGET_PACKAGES/cake.tool/7.0.0/tools/net10.0/any/</c>, default
/// <c>~/.nuget/packages</c>); without it the pair row says so. Medians of a few runs (ours after one warm-up).
/// </summary>
public sealed class HostStartBenchmark(int runs = 3) : IBenchmark
{
    public string Name => "Host start (`--description`)";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var ours = await MedianAsync(root, "bash", ["./build.sh", "--description"], warmUp: true, cancellationToken);
        var rows = new List<BenchmarkRow>
        {
            Row("./build.sh --description (built host)", ours, Goal(ours.Wall.TotalSeconds <= 0.5 && ours.PeakMemoryBytes <= 100L * 1024 * 1024,
                $"≤ 0.5 s and ≤ 100 MiB")),
        };
        if (CakeRunner() is not { } cake)
        {
            rows.Add(new BenchmarkRow(Name, "Cake's own runner", 0, TimeSpan.Zero, "not installed: no Cake.Tool 7.0.0 package found") { Goal = "≤ 0.2× Cake's runner: not measured" });
            return rows;
        }
        var script = Directory.CreateTempSubdirectory("cake-bench-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(script.FullName, "build.cake"),
                "Task(\"Default\").Does(() => Information(\"hello\"));\nRunTarget(Argument(\"target\", \"Default\"));\n", cancellationToken);
            // Cake compiles the script on every start, so a warm-up would measure the same thing again.
            var theirs = await MedianAsync(script.FullName, "dotnet", [cake, "build.cake", "--description"], warmUp: false, cancellationToken);
            var ratio = ours.Wall / theirs.Wall;
            rows.Add(Row("Cake's runner, trivial script", theirs, ""));
            rows.Add(new BenchmarkRow(Name, "ratio built host ÷ Cake's runner", 0, ours.Wall,
                $"{ratio:0.00}× the wall time, {(double)(ours.PeakMemoryBytes ?? 0) / (theirs.PeakMemoryBytes ?? 1):0.00}× the memory")
            {
                Goal = Goal(ratio <= 0.2, "≤ 0.2×"),
            });
        }
        finally
        {
            script.Delete(recursive: true);
        }
        return rows;
    }

    private BenchmarkRow Row(string variant, ChildProcessRun.Result result, string goal) =>
        new(Name, variant, 0, result.Wall, $"median of {runs}") { PeakMemoryBytes = result.PeakMemoryBytes, Goal = goal };

    internal static string Goal(bool met, string goal) => $"{goal}: {(met ? "met" : "not met")}";

    private async Task<ChildProcessRun.Result> MedianAsync(string directory, string executable, string[] arguments, bool warmUp,
        CancellationToken cancellationToken)
    {
        if (warmUp)
        {
            await ChildProcessRun.RunAsync(directory, executable, arguments, cancellationToken); // and a rebuild if one is due
        }
        var results = new List<ChildProcessRun.Result>();
        for (var i = 0; i < runs; i++)
        {
            results.Add(await ChildProcessRun.RunAsync(directory, executable, arguments, cancellationToken));
        }
        var wall = results.Select(r => r.Wall).Order().ElementAt(runs / 2);
        var memory = results.Select(r => r.PeakMemoryBytes ?? 0).Order().ElementAt(runs / 2);
        return new ChildProcessRun.Result(0, wall, memory > 0 ? memory : null);
    }

    private static string? CakeRunner()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var dll = Path.Combine(packages, "cake.tool", "7.0.0", "tools", "net10.0", "any", "Cake.dll");
        return File.Exists(dll) ? dll : null;
    }
}

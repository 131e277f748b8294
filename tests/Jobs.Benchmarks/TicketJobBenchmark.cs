using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Configuration;
using Releng.Jobs.Http;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// A ticket job's plan against the sandbox with N tickets and every fake answering after an injected latency
/// (<c>--latency</c>'s hook), through the production clients and HTTP policy: requests per ticket, wall time of
/// the plan (seeding excluded), peak memory growth and effective concurrency (time in requests ÷ wall time).
/// </summary>
public sealed class TicketJobBenchmark(string task, Func<int, string, Scenario> scenario, IReadOnlyList<(int Tickets, int LatencyMs)> variants) : IBenchmark
{
    public string Name => $"{task} plan";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var rows = new List<BenchmarkRow>();
        foreach (var (tickets, latencyMs) in variants)
        {
            Console.Error.WriteLine($"  {task}: {tickets} tickets, {latencyMs} ms latency");
            rows.Add(await MeasureAsync(root, tickets, latencyMs, cancellationToken));
        }
        return rows;
    }

    private async Task<BenchmarkRow> MeasureAsync(string root, int tickets, int latencyMs, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("releng-bench-");
        try
        {
            var seeding = Stopwatch.StartNew();
            await using var sandbox = SandboxHost.StartFresh(scenario(tickets, root), new SandboxPaths(directory.FullName), new SandboxSwitches(latencyMs));
            seeding.Stop();
            var services = new ServiceCollection()
                .AddSingleton<TimeProvider>(new FixedClock(sandbox.World.Clock))
                .AddServiceClients(sandbox.Endpoints, SandboxCredentials.Default)
                .AddSandboxStandIns(sandbox.World);
            await using var provider = services.BuildServiceProvider();
            var spec = TaskCatalog.Default.Find(task) ?? throw new InvalidOperationException($"no task {task}");
            var factory = typeof(IJobFactory).Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IJobFactory).IsAssignableFrom(t))
                .Select(t => (IJobFactory)Activator.CreateInstance(t)!)
                .Single(f => f.Task == task);
            // The parameters a jobs.yaml entry must set: unretire's phase (as the default jobs.yaml runs it).
            var parameters = task == "unretire" ? JobParameters.Defaults(spec).With("phase", "recent") : JobParameters.Defaults(spec);
            var job = factory.Create(new JobRequest(task, parameters), provider);
            var counter = provider.GetRequiredService<RequestCounter>();

            var memory = PeakMemory.Start();
            var clock = Stopwatch.StartNew();
            Plan plan;
            try
            {
                plan = await job.PlanAsync(cancellationToken);
                clock.Stop();
            }
            finally
            {
                await memory.DisposeAsync();
            }
            return Row(tickets, latencyMs, plan, counter.Snapshot(), clock.Elapsed, seeding.Elapsed, memory);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private BenchmarkRow Row(int tickets, int latencyMs, Plan plan, RequestCounts requests, TimeSpan wall, TimeSpan seeding, PeakMemory memory)
    {
        var errors = plan.Decisions.Count(d => d.Action == "error");
        var perService = string.Join(", ", ServiceName.All.Where(s => requests.For(s).Total > 0)
            .Select(s => $"{s} {requests.For(s).Total / (double)tickets:0.##}"));
        var growthPerTicket = memory.Growth / 1024.0 / tickets;
        var goals = new List<string>();
        if (task == "unretire" && tickets == 2000 && latencyMs == 20)
        {
            goals.Add(HostStartBenchmark.Goal(wall <= TimeSpan.FromSeconds(15), "≤ 15 s"));
        }
        if (task == "unretire")
        {
            goals.Add(HostStartBenchmark.Goal(growthPerTicket <= 10, "≤ 10 KiB/ticket"));
        }
        if (latencyMs >= 100)
        {
            goals.Add($"concurrency near {HttpOptions.Default.MaxConcurrency}/service");
        }
        return new BenchmarkRow(Name, $"{tickets} tickets, {latencyMs} ms", requests.Total, wall,
            $"per ticket: {perService}; {growthPerTicket:0.0} KiB/ticket growth; seeding {seeding.TotalSeconds:0.0} s" +
            (errors > 0 ? $"; {errors} ticket(s) failed their checks" : ""))
        {
            RequestsPerTicket = requests.Total / (double)tickets,
            PeakMemoryBytes = memory.Peak,
            Concurrency = wall > TimeSpan.Zero ? requests.Busy / wall : null,
            Goal = string.Join("; ", goals),
        };
    }
}

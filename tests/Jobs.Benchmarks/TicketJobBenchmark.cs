using System.Globalization;
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
/// the plan (seeding excluded), memory per ticket (retained at the end, peak managed heap, peak resident growth) and
/// effective concurrency (time in requests ÷ wall time).
/// </summary>
/// <param name="variants">
/// Tickets, latency, and the dist-git bound when not the default (as jobs.yaml's <c>services.&lt;env&gt;.concurrency</c> sets it).
/// </param>
public sealed class TicketJobBenchmark(
    string task, Func<int, string, Scenario> scenario, IReadOnlyList<(int Tickets, int LatencyMs, int? DistGitBound)> variants) : IBenchmark
{
    public string Name => $"{task} plan";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var rows = new List<BenchmarkRow>();
        foreach (var (tickets, latencyMs, bound) in variants)
        {
            Console.Error.WriteLine($"  {task}: {tickets} tickets, {latencyMs} ms latency{(bound is { } b ? $", dist-git {b} at once" : "")}");
            rows.Add(await MeasureAsync(root, tickets, latencyMs, bound, cancellationToken));
        }
        return rows;
    }

    private async Task<BenchmarkRow> MeasureAsync(string root, int tickets, int latencyMs, int? distGitBound, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("releng-bench-");
        try
        {
            var seeding = Stopwatch.StartNew();
            await using var sandbox = SandboxHost.StartFresh(scenario(tickets, root), new SandboxPaths(directory.FullName), new SandboxSwitches(latencyMs));
            seeding.Stop();
            var services = new ServiceCollection()
                .AddSingleton<TimeProvider>(new FixedClock(sandbox.World.Clock))
                .AddServiceClients(sandbox.Endpoints, SandboxCredentials.Default,
                    concurrency: distGitBound is { } bound ? new Dictionary<string, int> { [ServiceName.DistGit] = bound } : null)
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
            var run = await PlanAndWeighAsync(job, memory, sandbox, cancellationToken);
            // The plan is unreachable now (its method has returned): what it held is the difference. The collection runs
            // on another thread, after a yield, so no stack slot of the run keeps the plan.
            await Task.Yield();
            var withoutPlan = await Task.Run(memory.RetainedNow, cancellationToken);
            var held = new RetainedMemory(
                run.Plan.IsAlive ? null : run.RetainedWithPlan - withoutPlan, run.RetainedWithLogs - run.RetainedWithPlan, withoutPlan);
            return Row(tickets, latencyMs, distGitBound, run.Errors, counter.Snapshot(), run.Wall, seeding.Elapsed, memory, held);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Runs the plan and weighs what is left at its end: the managed heap with the plan alive and the fakes' request
    /// logs, then with the logs emptied. The plan itself does not outlive this method.
    /// </summary>
    private static async Task<(int Errors, TimeSpan Wall, long RetainedWithLogs, long RetainedWithPlan, WeakReference Plan)> PlanAndWeighAsync(
        IJob job, PeakMemory memory, SandboxHost sandbox, CancellationToken cancellationToken)
    {
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
        var withLogs = memory.RetainedGrowth;
        foreach (var server in sandbox.Servers.Values)
        {
            server.ResetLogEntries();
        }
        var withPlan = memory.RetainedNow();
        var errors = plan.Decisions.Count(d => d.Action == "error");
        return (errors, clock.Elapsed, withLogs, withPlan, new WeakReference(plan));
    }

    /// <summary>
    /// Managed memory left at the end of the run, in bytes: <see cref="Plan"/> what the plan itself holds (null when it
    /// could not be told apart), <see cref="Logs"/> the fakes' request logs (bounded: the last 1,000 requests of each
    /// fake), <see cref="Other"/> the rest against the start (clients' caches and pools, less what seeding left and
    /// the plan freed, so it can be below zero).
    /// </summary>
    private sealed record RetainedMemory(long? Plan, long Logs, long Other);

    private BenchmarkRow Row(int tickets, int latencyMs, int? distGitBound, int errors, RequestCounts requests, TimeSpan wall, TimeSpan seeding, PeakMemory memory,
        RetainedMemory held)
    {
        var perService = string.Join(", ", ServiceName.All.Where(s => requests.For(s).Total > 0)
            .Select(s => $"{s} {requests.For(s).Total / (double)tickets:0.##}"));
        var growthPerTicket = memory.Growth / 1024.0 / tickets;
        var retainedPerTicket = memory.RetainedGrowth / 1024.0 / tickets;
        double? planPerTicket = held.Plan / 1024.0 / tickets;
        var managedPeakPerTicket = memory.PeakManagedGrowth / 1024.0 / tickets;
        var goals = new List<string>();
        if (task == "unretire" && tickets == 2000 && latencyMs == 20)
        {
            goals.Add(HostStartBenchmark.Goal(wall <= TimeSpan.FromSeconds(15), "≤ 15 s"));
        }
        if (task == "unretire")
        {
            goals.Add(HostStartBenchmark.Goal(planPerTicket <= 10, "≤ 10 KiB/ticket held by the plan"));
        }
        if (latencyMs >= 100)
        {
            goals.Add($"concurrency near {distGitBound ?? HttpOptions.Default.MaxConcurrency}/service");
        }
        var variant = $"{tickets} tickets, {latencyMs} ms" + (distGitBound is { } b ? $", dist-git {b} at once" : "");
        return new BenchmarkRow(Name, variant, requests.Total, wall,
            $"per ticket: {perService}; memory per ticket: {retainedPerTicket:0.0} KiB retained at the end (the plan " +
            $"{(planPerTicket is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "?")}, the fakes' request logs {held.Logs / 1024.0 / tickets:0.0}, " +
            $"other {held.Other / 1024.0 / tickets:0.0}), {managedPeakPerTicket:0.0} KiB peak managed, " +
            $"{growthPerTicket:0.0} KiB peak resident growth; seeding {seeding.TotalSeconds:0.0} s" +
            (errors > 0 ? $"; {errors} ticket(s) failed their checks" : ""))
        {
            RequestsPerTicket = requests.Total / (double)tickets,
            PeakMemoryBytes = memory.Peak,
            Concurrency = wall > TimeSpan.Zero ? requests.Busy / wall : null,
            Goal = string.Join("; ", goals),
        };
    }
}

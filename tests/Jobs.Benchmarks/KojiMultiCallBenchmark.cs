using System.Diagnostics;
using Releng.Jobs.Http;
using Releng.Jobs.Koji;
using Releng.Jobs.Sandbox.Koji;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// "Latest build of each of 500 packages in a tag" against the fake hub with a fixed per-request latency:
/// multicall batches versus one <c>getLatestBuilds</c> request per package, through the production client and HTTP policy.
/// </summary>
public sealed class KojiMultiCallBenchmark(int packages = 500, int latencyMs = 50) : IBenchmark
{
    private const int Rounds = 7;

    public string Name => $"Koji latest builds, {packages} packages, {latencyMs} ms latency";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, packages).Select(i => $"package-{i:D3}").ToList();
        await using var hub = new FakeKojiHub(new KojiScenario
        {
            Tags = { ["f44"] = new KojiTagScenario { Arches = "x86_64 aarch64" } },
            Builds = names.Select((name, i) => new KojiBuildScenario { Nvr = $"{name}-1.{i}-1.fc44", Tags = ["f44"], DaysAgo = 10 }).ToList(),
        }, latencyMs);
        var fake = hub.Fake;
        var client = hub.Client;
        var concurrency = HttpOptions.Default.MaxConcurrency;

        var small = new KojiClient(hub.HttpClients, client.HubUrl,
            Credentials.FromEnvironment(_ => null), new KojiClientOptions { MaxCallsPerMultiCall = 100 });
        var batched = new (string Variant, string Notes, Func<Task> Run)[]
        {
            ("multicall, default batch (500 calls/request)", "includes the fake hub evaluating 500 calls", async () =>
                Check(await client.GetLatestBuildPerPackageAsync("f44", names, cancellationToken: cancellationToken))),
            ("multicall, 100 calls/request, batches concurrent", "the fake evaluates one request at a time (one lock): only the latency overlaps", async () =>
                Check(await small.GetLatestBuildPerPackageAsync("f44", names, cancellationToken: cancellationToken))),
        };

        // Each multicall variant once unmeasured (JIT, connections: concurrent batches open more of them), then
        // measured in alternation, median of the rounds: one cold or unlucky round decided these rows before.
        foreach (var (_, _, run) in batched)
        {
            await run();
        }
        var times = batched.Select(_ => new List<TimeSpan>()).ToArray();
        var requests = new int[batched.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < batched.Length; i++)
            {
                var before = fake.RequestCount;
                var watch = Stopwatch.StartNew();
                await batched[i].Run();
                times[i].Add(watch.Elapsed);
                requests[i] = fake.RequestCount - before;
            }
        }
        var rows = batched.Select((b, i) =>
        {
            var sorted = times[i].Order().ToList();
            return new BenchmarkRow(Name, b.Variant, requests[i], sorted[sorted.Count / 2],
                $"median of {Rounds} (min {sorted[0].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms); {b.Notes}".TrimEnd(' ', ';'));
        }).ToList();

        rows.Add(await Measure($"one call per package, {concurrency} concurrent (per-service bound)", fake, "", async () =>
        {
            var results = await Task.WhenAll(names.Select(name =>
                client.GetLatestBuildsAsync("f44", name, cancellationToken: cancellationToken)));
            CheckAll(results.Select(r => r.Single()).ToList());
        }));
        rows.Add(await Measure("one call per package, sequential", fake, "", async () =>
        {
            var results = new List<KojiBuild>();
            foreach (var name in names)
            {
                results.Add((await client.GetLatestBuildsAsync("f44", name, cancellationToken: cancellationToken)).Single());
            }
            CheckAll(results);
        }));
        return rows;

        void Check(IReadOnlyDictionary<string, KojiBuild?> latest)
        {
            if (latest.Count != packages || latest.Values.Any(b => b is null))
            {
                throw new InvalidOperationException("the batched read did not return a build for every package");
            }
        }

        void CheckAll(IReadOnlyCollection<KojiBuild> builds)
        {
            if (builds.Count != packages)
            {
                throw new InvalidOperationException("the per-package reads did not return a build for every package");
            }
        }
    }

    private async Task<BenchmarkRow> Measure(string variant, KojiFake fake, string notes, Func<Task> run)
    {
        var before = fake.RequestCount;
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        return new BenchmarkRow(Name, variant, fake.RequestCount - before, clock.Elapsed, notes);
    }
}

using System.Diagnostics;
using Releng.Jobs.BaseImage;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// The base-image-rebuild plan for a four-arch image of N source packages against the fake hub with a fixed
/// per-request latency: unchanged, and with every other package updated (which adds the repo check).
/// </summary>
public sealed class BaseImageRebuildBenchmark(int packages = 200, int latencyMs = 50) : IBenchmark
{
    private static readonly string[] Arches = ["x86_64", "aarch64", "ppc64le", "s390x"];

    public string Name => $"base-image-rebuild plan, {packages} packages x {Arches.Length} arches, {latencyMs} ms latency";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        return
        [
            await MeasureAsync("image unchanged", updated: false, cancellationToken),
            await MeasureAsync("half the packages updated", updated: true, cancellationToken),
        ];
    }

    private async Task<BenchmarkRow> MeasureAsync(string variant, bool updated, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, packages).Select(i => $"package-{i:D3}").ToList();
        var builds = names.Select(name => new KojiBuildScenario { Nvr = $"{name}-1.0-1.fc44", Tags = ["f44"], DaysAgo = 20, Arches = [.. Arches] }).ToList();
        builds.Add(new KojiBuildScenario
        {
            Nvr = "Fedora-Container-Base-Generic-44-20261123.0", Type = "image", Tags = ["f44-updates-candidate"], DaysAgo = 1,
            Archives = Arches.Select(arch => new KojiArchiveScenario { Arch = arch, Rpms = names.Select(n => $"{n}-1.0-1.fc44").ToList() }).ToList(),
        });
        if (updated)
        {
            builds.AddRange(names.Where((_, i) => i % 2 == 0).Select(name => new KojiBuildScenario { Nvr = $"{name}-1.0-2.fc44", Tags = ["f44"], DaysAgo = 0.5 }));
        }
        await using var hub = new FakeKojiHub(new KojiScenario
        {
            Tags = { ["f44"] = new KojiTagScenario { Arches = string.Join(' ', Arches) }, ["f44-build"] = new KojiTagScenario { Inherits = ["f44"] } },
            Targets = { ["f44-container"] = new KojiTargetScenario { BuildTag = "f44-build", DestTag = "f44-updates-candidate" } },
            Repos = { ["f44-build"] = new KojiRepoScenario { DaysAgo = 0.1 } },
            Builds = builds,
        }, latencyMs);
        var fake = hub.Fake;
        var job = new BaseImageRebuildJob(hub.Client, new BaseImageRebuildOptions(
            "Fedora-Container-Base-Generic", "f44", "f44-container", "44", false, "Container-Base-Generic",
            "git+https://pagure.io/fedora-kiwi-descriptions.git#rawhide", "Fedora.kiwi", [], 0));

        // Warm up JIT and the connection pool so the measured run is the steady state.
        await job.PlanAsync(cancellationToken);
        var before = fake.RequestCount;
        var clock = Stopwatch.StartNew();
        var decision = (await job.PlanAsync(cancellationToken)).Decisions.Single();
        clock.Stop();
        var expected = updated ? RebuildDecisionKinds.Rebuild : RebuildDecisionKinds.Skip;
        if (decision.Action != expected)
        {
            throw new InvalidOperationException($"expected {expected}, the plan says {decision.Action}: {decision.Reason}");
        }
        return new BenchmarkRow(Name, variant, fake.RequestCount - before, clock.Elapsed, $"decision: {decision.Action}");
    }
}

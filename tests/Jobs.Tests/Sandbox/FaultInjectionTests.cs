using System.Net;
using Releng.Jobs.DistGit;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Faults;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.DistGit;

namespace Releng.Jobs.Tests.Sandbox;

/// <summary>--faults: every fake fails a share of its requests, the same ones again for the same seed.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public void The_same_seed_picks_the_same_requests_and_another_seed_others()
    {
        var keys = Enumerable.Range(1, 400).Select(i => $"pagure GET /api/0/releng/issue/{i}").ToList();
        List<FaultKind?> Draw(int seed)
        {
            var faults = new FaultInjection(FaultSettings.Create(0.2, seed));
            return keys.Select(key => faults.Decide(key, 1)).ToList();
        }

        var first = Draw(42);
        var again = Draw(42);
        var other = Draw(43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var share = first.Count(kind => kind is not null) / (double)keys.Count;
        Assert.InRange(share, 0.12, 0.28);
        Assert.Equal(3, first.OfType<FaultKind>().Distinct().Count());
    }

    [Fact]
    public void A_repeated_request_draws_again_so_a_retry_can_get_through()
    {
        var faults = new FaultInjection(FaultSettings.Create(0.5, 7));

        var draws = Enumerable.Range(1, 50).Select(n => faults.Decide("koji POST /kojihub getTag", n)).ToList();

        Assert.Contains(draws, kind => kind is null);
        Assert.Contains(draws, kind => kind is not null);
    }

    [Fact]
    public void Rates_outside_zero_to_one_are_refused_and_a_missing_seed_is_chosen_and_printed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSettings.Create(1.5, null));
        var chosen = FaultSettings.Create(0.2, null);

        Assert.Contains($"--faults=0.2 --fault-seed={chosen.Seed}", chosen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_changes_nothing()
    {
        using var pagure = PagureWith(FaultKind.Unavailable);

        using var response = await pagure.Client.PostAsync("api/0/releng/issue/1/comment", Comment());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(pagure.World.Pagure.Projects["releng"].Issues[0].Comments);
    }

    [Fact]
    public async Task A_connection_dropped_before_acting_changes_nothing()
    {
        using var pagure = PagureWith(FaultKind.DroppedBefore);

        await Assert.ThrowsAsync<HttpRequestException>(() => pagure.Client.PostAsync("api/0/releng/issue/1/comment", Comment()));

        Assert.Empty(pagure.World.Pagure.Projects["releng"].Issues[0].Comments);
    }

    [Fact]
    public async Task A_connection_dropped_after_acting_loses_the_answer_but_not_the_write()
    {
        using var pagure = PagureWith(FaultKind.DroppedAfter);

        await Assert.ThrowsAsync<HttpRequestException>(() => pagure.Client.PostAsync("api/0/releng/issue/1/comment", Comment()));

        Assert.Equal("hello", Assert.Single(pagure.World.Pagure.Projects["releng"].Issues[0].Comments).Text);
        Assert.Equal(FaultKind.DroppedAfter, Assert.Single(pagure.Faults.Injected).Kind);
    }

    [Fact]
    public async Task A_project_created_whose_answer_was_lost_is_found_there_and_counted_done()
    {
        var faults = new FaultInjection(new FaultSettings(1, 1) { Kinds = [FaultKind.DroppedAfter] });
        await using var sandbox = DistGitStories.Start(behaviours: [new OnlyPosts(faults)]);

        var created = await sandbox.DistGit.CreateProjectAsync(new NewDistGitProject(DistGitStories.Fresh, "A fresh package"));

        Assert.False(created);
        Assert.NotNull(await sandbox.DistGit.GetProjectAsync(DistGitStories.Fresh));
        Assert.Single(faults.Injected);
    }

    [Fact]
    public async Task A_scenario_can_ask_for_faults_and_the_host_names_its_seed()
    {
        var root = Directory.CreateTempSubdirectory("releng-faults-").FullName;
        try
        {
            var scenario = Path.Combine(root, "scenario.yaml");
            File.WriteAllText(scenario, "faults: { rate: 0.25, seed: 1234 }\n");

            await using var host = SandboxHost.Start(scenario, new SandboxPaths(Path.Combine(root, "sandbox")), fresh: true);
            await using var overridden = SandboxHost.Start(scenario, new SandboxPaths(Path.Combine(root, "other")), fresh: true,
                new SandboxSwitches(Faults: FaultSettings.Create(0, 5)));

            Assert.Equal((0.25, 1234), (host.Faults!.Settings.Rate, host.Faults.Settings.Seed));
            Assert.Null(overridden.Faults);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static FormUrlEncodedContent Comment() => new([new("comment", "hello")]);

    private static FaultedPagure PagureWith(FaultKind kind) => new(new FaultSettings(1, 1) { Kinds = [kind] });

    /// <summary>Faults on writes only, so the test's own reads see the world as it is.</summary>
    private sealed class OnlyPosts(FaultInjection inner) : IFakeBehaviour
    {
        public Task<bool> BeforeAnswerAsync(string service, Microsoft.AspNetCore.Http.HttpContext context, CancellationToken cancellationToken) =>
            context.Request.Method == "POST" ? inner.BeforeAnswerAsync(service, context, cancellationToken) : Task.FromResult(false);
    }

    /// <summary>The Pagure fake started as <c>--faults</c> starts it, and a plain HTTP client holding a token.</summary>
    private sealed class FaultedPagure : IDisposable
    {
        private readonly TestSandbox _sandbox;

        public FaultedPagure(FaultSettings faults)
        {
            var scenario = new Scenario
            {
                Clock = TestSandbox.DefaultClock,
                Pagure = new PagureScenario
                {
                    Projects = { ["releng"] = new PagureScenario.Project { Issues = [new() { Id = 1, Title = "Ticket", Author = "jdoe" }] } },
                },
            };
            _sandbox = TestSandbox.From(scenario, new TestSandboxOptions { Fakes = [ServiceName.Pagure], Switches = new SandboxSwitches(Faults: faults) });
            Client = new HttpClient { BaseAddress = _sandbox.Endpoints.Pagure };
            Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", "t");
        }

        public FaultInjection Faults => _sandbox.Host.Faults!;
        public SandboxWorld World => _sandbox.World;
        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _sandbox.Dispose();
        }
    }
}

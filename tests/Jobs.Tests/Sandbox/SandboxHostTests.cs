using System.Diagnostics;
using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Services;

namespace Releng.Jobs.Tests.Sandbox;

public sealed class SandboxHostTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"));

    public SandboxHostTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Scenario(string yaml)
    {
        var file = Path.Combine(_root, "scenario.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    private SandboxPaths Paths => new(Path.Combine(_root, "sandbox"));

    [Fact]
    public async Task A_second_start_continues_the_saved_world()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\npeople: { jdoe: { email: j@example.org } }\n");
        await using (var first = SandboxHost.Start(scenario, Paths, fresh: false))
        {
            Assert.True(first.Seeded);
            first.World.People["newcomer"] = new();
        }

        await using var second = SandboxHost.Start(scenario, Paths, fresh: false);

        Assert.False(second.Seeded);
        Assert.Contains("newcomer", second.World.People.Keys);
    }

    [Fact]
    public async Task Fresh_starts_over_from_the_scenario()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\n");
        await using (var first = SandboxHost.Start(scenario, Paths, fresh: false))
        {
            first.World.People["newcomer"] = new();
        }

        await using var second = SandboxHost.Start(scenario, Paths, fresh: true);

        Assert.True(second.Seeded);
        Assert.DoesNotContain("newcomer", second.World.People.Keys);
    }

    [Fact]
    public async Task An_edited_scenario_starts_a_new_world()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\n");
        await using (SandboxHost.Start(scenario, Paths, fresh: false))
        {
        }
        Scenario("clock: 2026-12-01T12:00:00Z\n");

        await using var second = SandboxHost.Start(scenario, Paths, fresh: false);

        Assert.True(second.Seeded);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), second.World.Clock);
    }

    [Fact]
    public async Task Every_service_gets_its_own_loopback_server()
    {
        await using var sandbox = SandboxHost.Start(Scenario("clock: 2026-11-24T12:00:00Z\n"), Paths, fresh: false);

        var endpoints = sandbox.Endpoints;
        Uri[] urls = [endpoints.Pagure, endpoints.DistGit, endpoints.Koji, endpoints.Bugzilla, endpoints.Bodhi];
        Assert.All(urls, u => Assert.Equal("127.0.0.1", u.Host));
        Assert.Equal(urls.Length, urls.Select(u => u.Port).Distinct().Count());
        Assert.True(endpoints.DistGitGit.IsFile);
    }

    [Fact]
    public void A_typo_in_a_scenario_is_reported_with_its_line()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\npeople:\n  jdoe: { packagr: true }\n");

        var error = Assert.Throws<ConfigurationException>(() => SandboxHost.Start(scenario, Paths, fresh: false));

        Assert.Equal(3, error.Line);
        Assert.Contains("unknown key 'packagr'", error.Message);
    }

    [Fact]
    public async Task Latency_delays_every_fake_by_at_least_the_given_time()
    {
        await using var sandbox = SandboxHost.Start(Scenario("clock: 2026-11-24T12:00:00Z\n"), Paths, fresh: true, new SandboxSwitches(LatencyMs: 400));
        using var http = new HttpClient();

        foreach (var url in new[] { sandbox.Endpoints.Pagure, sandbox.Endpoints.DistGit, sandbox.Endpoints.Bugzilla, sandbox.Endpoints.Bodhi })
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(url, "api/0/-/version"));
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"{url} answered after {clock.ElapsedMilliseconds} ms");
        }
    }

    [Fact]
    public async Task The_scenario_may_set_the_latency_and_the_command_line_overrides_it()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\nsandbox: { latency_ms: 25 }\n");

        await using (var fromScenario = SandboxHost.Start(scenario, Paths, fresh: true))
        {
            Assert.Equal(TimeSpan.FromMilliseconds(25), fromScenario.Behaviour.Latency);
            Assert.IsType<LatencyBehaviour>(Assert.Single(fromScenario.Behaviour.For(ServiceName.Koji)));
        }
        await using var overridden = SandboxHost.Start(scenario, Paths, fresh: true, new SandboxSwitches(LatencyMs: 0));

        Assert.Equal(TimeSpan.Zero, overridden.Behaviour.Latency);
        Assert.Empty(overridden.Behaviour.For(ServiceName.Koji));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void A_latency_that_is_not_milliseconds_is_refused_naming_the_switch(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => SandboxSwitches.ParseLatency(value));

        Assert.Contains("--latency", error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public async Task Each_fake_remembers_only_its_latest_requests()
    {
        await using var sandbox = SandboxHost.Start(Scenario("clock: 2026-11-24T12:00:00Z\n"), Paths, fresh: true);
        using var http = new HttpClient();
        var url = new Uri(sandbox.Endpoints.DistGit, "api/0/-/version");

        for (var i = 0; i < SandboxHost.RequestLogLimit + 20; i++)
        {
            using var response = await http.GetAsync(url);
        }

        Assert.Equal(SandboxHost.RequestLogLimit, sandbox.Servers[ServiceName.DistGit].LogEntries.Count());
    }

    [Fact]
    public void A_scenario_the_fakes_cannot_seed_is_reported_at_the_entry_in_its_file()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\nkoji:\n  builds:\n    - { nvr: foo-1-1, type: module }\n");

        var error = Assert.Throws<ConfigurationException>(() => SandboxHost.Start(scenario, Paths, fresh: false));

        Assert.Equal(scenario, error.File);
        Assert.StartsWith($"{scenario}:4:7: koji build foo-1-1: type must be rpm or image", error.Message);
    }

    [Fact]
    public void A_negative_latency_in_the_scenario_is_reported_at_its_sandbox_section()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\nsandbox: { latency_ms: -5 }\n");

        var error = Assert.Throws<ConfigurationException>(() => SandboxHost.Start(scenario, Paths, fresh: true));

        Assert.Equal((scenario, 2L, 10L), (error.File, error.Line, error.Column));
        Assert.Equal("sandbox.latency_ms: -5 is negative", error.Problem);
    }

    [Fact]
    public void A_person_listed_twice_in_a_scenario_is_reported_at_the_second_entry()
    {
        var scenario = Scenario("clock: 2026-11-24T12:00:00Z\npeople:\n  jdoe: { email: a@example.org }\n  jdoe: { email: b@example.org }\n");

        var error = Assert.Throws<ConfigurationException>(() => SandboxHost.Start(scenario, Paths, fresh: false));

        Assert.Equal((4L, 3L), (error.Line, error.Column));
        Assert.Equal("duplicate key 'jdoe'", error.Problem);
    }
}

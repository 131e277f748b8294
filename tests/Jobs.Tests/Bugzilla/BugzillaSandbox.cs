using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Bugzilla;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.Logging;
using WireMock.Server;

namespace Releng.Jobs.Tests.Bugzilla;

/// <summary>A fake Bugzilla on a random loopback port, seeded from a scenario, with a real client in front of it.</summary>
internal sealed class BugzillaSandbox : IDisposable
{
    public const string ApiKey = "bz-key-0123456789";
    public static readonly DateTimeOffset Clock = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public BugzillaSandbox(Scenario scenario, string? apiKey = ApiKey)
    {
        scenario.Clock = Clock;
        World = SandboxWorld.Seed(scenario, "test", new SandboxPaths(Path.GetTempPath()));
        Server = WireMockServer.Start();
        new BugzillaFake(World).Map(Server);
        var url = new Uri(Server.Url! + "/");
        var endpoints = new ServiceEndpoints(url, url, url, url, Bugzilla: url, Bodhi: url);
        var credentials = new Credentials(null, null, apiKey, null, null, null, null, null, null);
        var http = new HttpSettings { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2 };
        _services = new ServiceCollection().AddBugzilla(endpoints, credentials, http).BuildServiceProvider();
    }

    public SandboxWorld World { get; }
    public WireMockServer Server { get; }
    public IBugzilla Client => _services.GetRequiredService<IBugzilla>();

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>jdoe asks, reviewer approves: a review bug that passes every rule.</summary>
    public static Scenario ReviewScenario() => new()
    {
        People =
        {
            ["jdoe"] = new PersonScenario { Email = "jdoe@example.com" },
            ["reviewer"] = new PersonScenario(),
        },
        Bugzilla = new BugzillaScenario
        {
            Bugs =
            [
                new BugScenario
                {
                    Id = 2300001,
                    Summary = "Review Request: perl-Foo - Foo for Perl",
                    Creator = "jdoe",
                    AssignedTo = "reviewer",
                    DaysAgo = 20,
                    Flags = [new BugFlagScenario { Setter = "reviewer", DaysAgo = 3 }],
                },
            ],
        },
    };

    public void Dispose()
    {
        _services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

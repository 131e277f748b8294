using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Bodhi;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using WireMock.Logging;
using WireMock.Server;

namespace Releng.Jobs.Tests.Bodhi;

/// <summary>A fake Bodhi on a random loopback port, seeded from a scenario, with a real client in front of it.</summary>
internal sealed class BodhiSandbox : IDisposable
{
    private readonly ServiceProvider _services;

    public BodhiSandbox(Scenario scenario)
    {
        World = SandboxWorld.Seed(scenario, "test", new SandboxPaths(Path.GetTempPath()));
        Server = WireMockServer.Start();
        new BodhiFake(World).Map(Server);
        var url = new Uri(Server.Url! + "/");
        var endpoints = new ServiceEndpoints(url, url, url, url, Bugzilla: url, Bodhi: url);
        var http = new HttpSettings { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2 };
        _services = new ServiceCollection().AddBodhi(endpoints, http).BuildServiceProvider();
    }

    public SandboxWorld World { get; }
    public WireMockServer Server { get; }
    public IBodhi Client => _services.GetRequiredService<IBodhi>();
    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public void Dispose()
    {
        _services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

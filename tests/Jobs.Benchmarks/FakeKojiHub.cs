using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using Releng.Jobs.Koji;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Koji;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.Server;

namespace Releng.Jobs.Benchmarks;

/// <summary>
/// The sandbox's Koji fake seeded from a scenario, answering after a fixed latency, with the production client and
/// HTTP policy in front of it: what every Koji benchmark measures against.
/// </summary>
public sealed class FakeKojiHub : IAsyncDisposable
{
    private readonly WireMockServer _server;
    private readonly ServiceProvider _provider;
    private readonly string _root;

    public FakeKojiHub(KojiScenario koji, int latencyMs)
    {
        _root = Directory.CreateTempSubdirectory("koji-bench-").FullName;
        var world = SandboxWorld.Seed(new Scenario { Koji = koji }, "benchmark", new SandboxPaths(_root));
        Fake = new KojiFake(world, TimeSpan.FromMilliseconds(latencyMs));
        _server = WireMockServer.Start();
        Fake.Map(_server);
        var unused = new Uri("http://127.0.0.1:9/");
        _provider = new ServiceCollection()
            .AddKoji(new ServiceEndpoints(unused, unused, unused, new Uri(_server.Url + "/kojihub"), unused, unused),
                Credentials.FromEnvironment(_ => null), HttpOptions.Default)
            .BuildServiceProvider();
    }

    public KojiFake Fake { get; }

    public IKojiClient Client => _provider.GetRequiredService<IKojiClient>();

    public IHttpClientFactory HttpClients => _provider.GetRequiredService<IHttpClientFactory>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _server.Stop();
        _server.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

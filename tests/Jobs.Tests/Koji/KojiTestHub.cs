using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using Releng.Jobs.Koji;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Koji;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.Server;

namespace Releng.Jobs.Tests.Koji;

/// <summary>A fake hub seeded from a scenario, on its own loopback port, and a client wired the production way (AddKoji).</summary>
internal sealed class KojiTestHub : IDisposable
{
    public static HttpSettings FastRetries { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 2 };

    private readonly ServiceProvider _services;
    private readonly string _directory;

    public KojiTestHub(string scenarioYaml, Credentials? credentials = null, KojiClientOptions? options = null)
    {
        _directory = Directory.CreateTempSubdirectory("koji-test-").FullName;
        var file = Path.Combine(_directory, "scenario.yaml");
        File.WriteAllText(file, scenarioYaml);
        var (scenario, hash) = ScenarioLoader.Load(file);
        World = SandboxWorld.Seed(scenario, hash, new SandboxPaths(_directory));
        Fake = new KojiFake(World);
        Server = WireMockServer.Start();
        Fake.Map(Server);
        _services = Services(new Uri(Server.Url + "/kojihub"), credentials ?? Anonymous, options);
        Client = _services.GetRequiredService<IKojiClient>();
    }

    public static Credentials Anonymous { get; } = new(null, null, null, null, null, null, null, null, null);

    public static Credentials Password(string user, string password) => Anonymous with { KojiUser = user, KojiPassword = password };

    public SandboxWorld World { get; }
    public KojiFake Fake { get; }
    public WireMockServer Server { get; }
    public IKojiClient Client { get; }

    public static ServiceProvider Services(Uri hub, Credentials credentials, KojiClientOptions? options = null)
    {
        var collection = new ServiceCollection();
        if (options is not null)
        {
            collection.AddSingleton(options);
        }
        var unused = new Uri("http://127.0.0.1:9/");
        collection.AddKoji(new ServiceEndpoints(unused, unused, unused, hub, unused, unused), credentials, FastRetries);
        return collection.BuildServiceProvider();
    }

    /// <summary>Bodies of the requests the hub received, oldest first.</summary>
    public IReadOnlyList<string> RequestBodies() =>
        Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Body ?? "").ToList();

    public void Dispose()
    {
        _services.Dispose();
        Server.Stop();
        Server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using WireMock.Server;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// The built-in fake Fedora: one in-process WireMock.Net server per service on loopback, plus bare git repositories
/// for dist-git, over a <see cref="SandboxWorld"/> that is loaded from <see cref="SandboxPaths.WorldFile"/> or
/// seeded from the scenario, and saved back when the run ends.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly Dictionary<string, WireMockServer> _servers;

    private SandboxHost(SandboxWorld world, SandboxPaths paths, Dictionary<string, WireMockServer> servers, bool seeded)
    {
        World = world;
        Paths = paths;
        _servers = servers;
        Seeded = seeded;
    }

    public SandboxWorld World { get; }
    public SandboxPaths Paths { get; }
    /// <summary>True when this run started from the scenario rather than from a saved world.</summary>
    public bool Seeded { get; }

    public IReadOnlyDictionary<string, WireMockServer> Servers => _servers;

    public ServiceEndpoints Endpoints => new(
        Pagure: Url(ServiceName.Pagure),
        DistGit: Url(ServiceName.DistGit),
        DistGitGit: new Uri(Path.GetFullPath(Paths.GitRoot) + Path.DirectorySeparatorChar),
        Koji: new Uri(Url(ServiceName.Koji), "kojihub"),
        Bugzilla: Url(ServiceName.Bugzilla),
        Bodhi: Url(ServiceName.Bodhi));

    // 127.0.0.1 rather than "localhost": resolving localhost tries IPv6 first and costs a second per connection.
    private Uri Url(string service) => new($"http://127.0.0.1:{_servers[service].Ports[0]}/");

    public static SandboxHost Start(string scenarioFile, SandboxPaths paths, bool fresh)
    {
        var (scenario, hash) = ScenarioLoader.Load(scenarioFile);
        var world = fresh ? null : SandboxWorld.Load(paths.WorldFile);
        var seeded = world is null || world.ScenarioHash != hash;
        if (seeded)
        {
            if (Directory.Exists(paths.Root))
            {
                Directory.Delete(paths.Root, recursive: true);
            }
            Directory.CreateDirectory(paths.Root);
            try
            {
                world = SandboxWorld.Seed(scenario, hash, paths);
            }
            catch (ConfigurationException e) when (e.Line == 0 && e.File == "scenario")
            {
                // The worlds check the scenario's model, which does not know its file: name the file the user gave.
                throw new ConfigurationException(new SourceMark(scenarioFile), e.Problem);
            }
        }
        var servers = new Dictionary<string, WireMockServer>();
        foreach (var fake in world!.CreateFakes())
        {
            var server = WireMockServer.Start();
            fake.Map(server);
            servers[fake.Service] = server;
        }
        var host = new SandboxHost(world, paths, servers, seeded);
        host.Save();
        return host;
    }

    public void Save() => World.Save(Paths.WorldFile);

    public ValueTask DisposeAsync()
    {
        Save();
        foreach (var server in _servers.Values)
        {
            server.Stop();
            server.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}

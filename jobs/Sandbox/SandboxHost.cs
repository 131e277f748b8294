using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using WireMock.Server;
using WireMock.Settings;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// The built-in fake Fedora: one in-process WireMock.Net server per service on loopback, plus bare git repositories
/// for dist-git, over a <see cref="SandboxWorld"/> that is loaded from <see cref="SandboxPaths.WorldFile"/> or
/// seeded from the scenario, and saved back when the run ends.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    /// <summary>
    /// Requests each fake remembers for inspection (tests read them); older ones are dropped, so a long or large run
    /// does not keep every request it made in memory.
    /// </summary>
    public const int RequestLogLimit = 1000;

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

    /// <summary>How the fakes behave in this run (latency).</summary>
    public SandboxBehaviour Behaviour { get; private init; } = SandboxBehaviour.Default;

    public ServiceEndpoints Endpoints => new(
        Pagure: Url(ServiceName.Pagure),
        DistGit: Url(ServiceName.DistGit),
        DistGitGit: new Uri(Path.GetFullPath(Paths.GitRoot) + Path.DirectorySeparatorChar),
        Koji: new Uri(Url(ServiceName.Koji), "kojihub"),
        Bugzilla: Url(ServiceName.Bugzilla),
        Bodhi: Url(ServiceName.Bodhi));

    // 127.0.0.1 rather than "localhost": resolving localhost tries IPv6 first and costs a second per connection.
    private Uri Url(string service) => new($"http://127.0.0.1:{_servers[service].Ports[0]}/");

    public static SandboxHost Start(string scenarioFile, SandboxPaths paths, bool fresh, SandboxSwitches? switches = null)
    {
        var (scenario, hash) = ScenarioLoader.Load(scenarioFile);
        var saved = fresh ? null : SandboxWorld.Load(paths.WorldFile);
        return Start(scenario, hash, paths, saved?.ScenarioHash == hash ? saved : null, switches, scenarioFile);
    }

    /// <summary>A sandbox seeded afresh from a scenario built in code (benchmarks build thousands of tickets this way).</summary>
    public static SandboxHost StartFresh(Scenario scenario, SandboxPaths paths, SandboxSwitches? switches = null) =>
        Start(scenario, "built-in-code", paths, null, switches, scenarioFile: null);

    private static SandboxHost Start(Scenario scenario, string hash, SandboxPaths paths, SandboxWorld? saved, SandboxSwitches? switches,
        string? scenarioFile)
    {
        var world = saved;
        var seeded = world is null;
        if (world is null)
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
            catch (ConfigurationException e) when (scenarioFile is not null && e.Line == 0 && e.File == "scenario")
            {
                // The worlds check the scenario's model, which does not know its file: name the file the user gave.
                throw new ConfigurationException(new SourceMark(scenarioFile), e.Problem);
            }
        }
        var behaviour = SandboxBehaviour.From(scenario.Sandbox, switches ?? SandboxSwitches.None);
        var servers = new Dictionary<string, WireMockServer>();
        foreach (var fake in world.CreateFakes())
        {
            var server = WireMockServer.Start(new WireMockServerSettings
            {
                MaxRequestLogCount = RequestLogLimit,
                PreWireMockMiddlewareInit = behaviour.Middleware(fake.Service),
            });
            fake.Map(server);
            servers[fake.Service] = server;
        }
        var host = new SandboxHost(world, paths, servers, seeded) { Behaviour = behaviour };
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

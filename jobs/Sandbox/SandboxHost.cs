using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Faults;
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

    // Port 9 (discard) on loopback: nothing listens, so a call to a fake that was not started fails at once.
    private static readonly Uri Unreachable = new("http://127.0.0.1:9/");

    private readonly Dictionary<string, (IServiceFake Fake, WireMockServer Server)> _running;

    private SandboxHost(SandboxWorld world, SandboxPaths paths, Dictionary<string, (IServiceFake, WireMockServer)> running, bool seeded)
    {
        World = world;
        Paths = paths;
        _running = running;
        Seeded = seeded;
    }

    public SandboxWorld World { get; }
    public SandboxPaths Paths { get; }
    /// <summary>True when this run started from the scenario rather than from a saved world.</summary>
    public bool Seeded { get; }
    /// <summary>The injected faults when <c>--faults</c> or the scenario asks for them; its settings name the seed to replay.</summary>
    public FaultInjection? Faults => Behaviour.Faults;

    public IReadOnlyDictionary<string, WireMockServer> Servers => _running.ToDictionary(r => r.Key, r => r.Value.Server);

    /// <summary>The running fakes by service, for what they count or hold besides the world.</summary>
    public IReadOnlyDictionary<string, IServiceFake> Fakes => _running.ToDictionary(r => r.Key, r => r.Value.Fake);

    /// <summary>How the fakes behave in this run (latency).</summary>
    public SandboxBehaviour Behaviour { get; private init; } = SandboxBehaviour.Default;

    public ServiceEndpoints Endpoints => new(
        Pagure: Url(ServiceName.Pagure),
        DistGit: Url(ServiceName.DistGit),
        DistGitGit: new Uri(Path.GetFullPath(Paths.GitRoot) + Path.DirectorySeparatorChar),
        Koji: new Uri(Url(ServiceName.Koji), "kojihub"),
        Bugzilla: Url(ServiceName.Bugzilla),
        Bodhi: Url(ServiceName.Bodhi),
        Fasjson: Url(ServiceName.Fasjson),
        Forge: Url(ServiceName.Forge));

    /// <summary>The fake Fedora Forge's root; its API is under <c>api/v1</c>.</summary>
    public Uri ForgeUrl => Url(ServiceName.Forge);

    // 127.0.0.1 rather than "localhost": resolving localhost tries IPv6 first and costs a second per connection.
    private Uri Url(string service) =>
        _running.TryGetValue(service, out var running) ? new($"http://127.0.0.1:{running.Server.Ports[0]}/") : Unreachable;

    public static SandboxHost Start(string scenarioFile, SandboxPaths paths, bool fresh, SandboxSwitches? switches = null) =>
        Start(scenarioFile, paths, fresh, new SandboxStartOptions { Switches = switches ?? SandboxSwitches.None });

    public static SandboxHost Start(string scenarioFile, SandboxPaths paths, bool fresh, SandboxStartOptions options)
    {
        var (scenario, hash) = ScenarioLoader.Load(scenarioFile);
        var saved = fresh ? null : SandboxWorld.Load(paths.WorldFile);
        return Start(scenario, hash, paths, saved?.ScenarioHash == hash ? saved : null, options, scenarioFile);
    }

    /// <summary>A sandbox seeded afresh from a scenario built in code (benchmarks build thousands of tickets this way).</summary>
    public static SandboxHost StartFresh(Scenario scenario, SandboxPaths paths, SandboxSwitches? switches = null) =>
        StartFresh(scenario, paths, new SandboxStartOptions { Switches = switches ?? SandboxSwitches.None });

    public static SandboxHost StartFresh(Scenario scenario, SandboxPaths paths, SandboxStartOptions options) =>
        Start(scenario, "built-in-code", paths, null, options, scenarioFile: null);

    private static SandboxHost Start(Scenario scenario, string hash, SandboxPaths paths, SandboxWorld? saved, SandboxStartOptions options,
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
        var behaviour = SandboxBehaviour.From(scenario.Sandbox, scenario.Faults, options.Switches);
        var running = new Dictionary<string, (IServiceFake, WireMockServer)>();
        try
        {
            foreach (var fake in world.CreateFakes().Where(f => options.Fakes?.Contains(f.Service) ?? true))
            {
                running[fake.Service] = (fake, FakeServer.Start(fake, [.. behaviour.For(fake.Service), .. options.Behaviours]));
            }
        }
        catch
        {
            Stop(running.Values.Select(r => r.Item2));
            throw;
        }
        var host = new SandboxHost(world, paths, running, seeded) { Behaviour = behaviour };
        host.Save();
        return host;
    }

    public void Save() => World.Save(Paths.WorldFile);

    public ValueTask DisposeAsync()
    {
        Save();
        Stop(_running.Values.Select(r => r.Server));
        return ValueTask.CompletedTask;
    }

    private static void Stop(IEnumerable<WireMockServer> servers)
    {
        foreach (var server in servers)
        {
            server.Stop();
            server.Dispose();
        }
    }
}

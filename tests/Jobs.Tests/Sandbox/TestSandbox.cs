using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Http;
using Releng.Jobs.Koji;
using Releng.Jobs.Pagure;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;
using WireMock.Logging;
using WireMock.Server;

namespace Releng.Jobs.Tests.Sandbox;

/// <summary>
/// The one way tests start the fake Fedora: a scenario (YAML, a file under tests/scenarios/, or built in code) seeded
/// into a temporary directory of its own, each fake on its own loopback port as <see cref="SandboxHost"/> serves them,
/// and the production clients (<see cref="ServiceClients.AddServiceClients"/>) wired to them. Disposing stops the fakes
/// and removes the directory.
/// </summary>
internal sealed partial class TestSandbox : IDisposable, IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultClock = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public static HttpSettings FastRetries { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 2 };
    public static Credentials NoCredentials { get; } = new(null, null, null, null, null, null, null, null, null);

    // Port 9 (discard) on loopback: nothing listens, so a call to a fake the test did not start fails at once.
    private static readonly Uri Unreachable = new("http://127.0.0.1:9/");

    private readonly Dictionary<string, (IServiceFake Fake, WireMockServer Server)> _fakes;
    private readonly TestSandboxOptions _options;
    private readonly List<ServiceProvider> _providers = [];
    private readonly Lazy<ServiceProvider> _services;

    private TestSandbox(string root, SandboxWorld world, TestSandboxOptions options)
    {
        Root = root;
        World = world;
        _options = options;
        _fakes = [];
        try
        {
            foreach (var fake in world.CreateFakes().Where(f => options.Fakes?.Contains(f.Service) ?? true))
            {
                var server = WireMockServer.Start();
                _fakes[fake.Service] = (fake, server);
                fake.Map(server);
            }
        }
        catch
        {
            StopFakes();
            throw;
        }
        Endpoints = new ServiceEndpoints(
            Pagure: Url(ServiceName.Pagure),
            DistGit: Url(ServiceName.DistGit),
            DistGitGit: new Uri(Path.GetFullPath(Paths.GitRoot) + Path.DirectorySeparatorChar),
            Koji: new Uri(Url(ServiceName.Koji), "kojihub"),
            Bugzilla: Url(ServiceName.Bugzilla),
            Bodhi: Url(ServiceName.Bodhi));
        _services = new Lazy<ServiceProvider>(() => Provider(options.Credentials, options.Http));
    }

    /// <summary>A scenario written for one test, as YAML.</summary>
    public static TestSandbox FromYaml(string scenarioYaml, TestSandboxOptions? options = null)
    {
        var root = NewRoot();
        var file = Path.Combine(root, "scenario.yaml");
        File.WriteAllText(file, scenarioYaml);
        return Seeded(root, () => ScenarioLoader.Load(file), options);
    }

    /// <summary>A scenario file, e.g. <see cref="ScenarioFile"/>.</summary>
    public static TestSandbox FromFile(string scenarioFile, TestSandboxOptions? options = null) =>
        Seeded(NewRoot(), () => ScenarioLoader.Load(scenarioFile), options);

    /// <summary>A scenario built in code.</summary>
    public static TestSandbox From(Scenario scenario, TestSandboxOptions? options = null) =>
        Seeded(NewRoot(), () => (scenario, "test"), options);

    /// <summary>One of the repository's scenarios under tests/scenarios/.</summary>
    public static string ScenarioFile(string name) => Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", name);

    private static string NewRoot() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"))).FullName;

    private static TestSandbox Seeded(string root, Func<(Scenario Scenario, string Hash)> load, TestSandboxOptions? options)
    {
        try
        {
            var (scenario, hash) = load();
            var world = SandboxWorld.Seed(scenario, hash, new SandboxPaths(Path.Combine(root, "sandbox")));
            return new TestSandbox(root, world, options ?? new TestSandboxOptions());
        }
        catch
        {
            GitWorkingCopy.RemoveDirectory(root);
            throw;
        }
    }

    /// <summary>The test's own directory: the scenario, the seeded world under sandbox/, scratch space.</summary>
    public string Root { get; }
    public SandboxPaths Paths => new(Path.Combine(Root, "sandbox"));
    public SandboxWorld World { get; }
    public ServiceEndpoints Endpoints { get; }

    /// <summary>Scratch space for working copies, inside the test's own directory.</summary>
    public string TempRoot => Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;

    /// <summary>The clients wired with the sandbox's options, built once.</summary>
    public IServiceProvider Services => _services.Value;
    public IBodhi Bodhi => Services.GetRequiredService<IBodhi>();
    public IBugzilla Bugzilla => Services.GetRequiredService<IBugzilla>();
    public IKojiClient Koji => Services.GetRequiredService<IKojiClient>();
    public IPagureTicketsApi PagureApi => Services.GetRequiredService<IPagureTicketsApi>();
    public ITicketTracker Tracker => Services.GetRequiredService<ITicketTracker>();
    public IDistGit DistGit => Services.GetRequiredService<IDistGit>();

    public WireMockServer Server(string service) => _fakes[service].Server;

    public TFake Fake<TFake>() where TFake : IServiceFake => _fakes.Values.Select(f => f.Fake).OfType<TFake>().Single();

    /// <summary>What one fake received (WireMock's log, in its order).</summary>
    public IReadOnlyList<ILogEntry> Requests(string service) => Server(service).LogEntries.ToList();

    public IReadOnlyList<ILogEntry> RequestsTo(string service, string method, string path) =>
        Requests(service).Where(entry => entry.RequestMessage.Method == method && entry.RequestMessage.Path == path).ToList();

    /// <summary>Bodies of the requests one fake received, oldest first.</summary>
    public IReadOnlyList<string> RequestBodies(string service) =>
        Server(service).LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Body ?? "").ToList();

    /// <summary>What every fake received.</summary>
    public IReadOnlyList<ILogEntry> AllRequests() => _fakes.Values.SelectMany(f => f.Server.LogEntries).ToList();

    public void ResetRequests()
    {
        foreach (var (_, server) in _fakes.Values)
        {
            server.ResetLogEntries();
        }
    }

    /// <summary>Another set of clients over the same fakes, e.g. holding other credentials.</summary>
    public ServiceProvider Provider(Credentials credentials, HttpSettings? http = null)
    {
        var services = new ServiceCollection();
        _options.Configure?.Invoke(services);
        if (_options.ScenarioClock)
        {
            services.AddSingleton<TimeProvider>(new FixedClock(World.Clock));
        }
        services.AddServiceClients(Endpoints, credentials, http ?? _options.Http);
        if (_options.StandIns)
        {
            services.AddSandboxStandIns(World);
        }
        var provider = services.BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }
        return provider;
    }

    private Uri Url(string service) =>
        _fakes.TryGetValue(service, out var fake) ? new Uri($"http://127.0.0.1:{fake.Server.Ports[0]}/") : Unreachable;

    private void StopFakes()
    {
        foreach (var (_, server) in _fakes.Values)
        {
            server.Stop();
            server.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        StopFakes();
        try
        {
            GitWorkingCopy.RemoveDirectory(Root);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

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
/// into a temporary directory of its own by <see cref="SandboxHost"/>, which starts the fakes as <c>--env=sandbox</c>
/// does (each on its own loopback port, behind the behaviours the scenario and <see cref="TestSandboxOptions.Switches"/>
/// ask for), and the production clients (<see cref="ServiceClients.AddServiceClients"/>) wired to them. Disposing
/// stops the fakes and removes the directory.
/// </summary>
internal sealed partial class TestSandbox : IDisposable, IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultClock = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public static HttpOptions FastRetries { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 2 };
    public static Credentials NoCredentials { get; } = new(null, null, null, null, null, null, null, null, null);

    private readonly SandboxHost _host;
    private readonly TestSandboxOptions _options;
    private readonly List<ServiceProvider> _providers = [];
    private readonly Lazy<ServiceProvider> _services;

    private TestSandbox(string root, SandboxHost host, TestSandboxOptions options)
    {
        Root = root;
        _host = host;
        _options = options;
        _services = new Lazy<ServiceProvider>(() => Provider(options.Credentials, options.Http));
    }

    /// <summary>A scenario written for one test, as YAML.</summary>
    public static TestSandbox FromYaml(string scenarioYaml, TestSandboxOptions? options = null)
    {
        var root = NewRoot();
        var file = Path.Combine(root, "scenario.yaml");
        File.WriteAllText(file, scenarioYaml);
        return Started(root, options, (paths, start) => SandboxHost.Start(file, paths, fresh: true, start));
    }

    /// <summary>A scenario file, e.g. <see cref="ScenarioFile"/>.</summary>
    public static TestSandbox FromFile(string scenarioFile, TestSandboxOptions? options = null) =>
        Started(NewRoot(), options, (paths, start) => SandboxHost.Start(scenarioFile, paths, fresh: true, start));

    /// <summary>A scenario built in code.</summary>
    public static TestSandbox From(Scenario scenario, TestSandboxOptions? options = null) =>
        Started(NewRoot(), options, (paths, start) => SandboxHost.StartFresh(scenario, paths, start));

    /// <summary>One of the repository's scenarios under tests/scenarios/.</summary>
    public static string ScenarioFile(string name) => Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", name);

    private static string NewRoot() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"))).FullName;

    private static TestSandbox Started(string root, TestSandboxOptions? options, Func<SandboxPaths, SandboxStartOptions, SandboxHost> start)
    {
        options ??= new TestSandboxOptions();
        try
        {
            var host = start(new SandboxPaths(Path.Combine(root, "sandbox")),
                new SandboxStartOptions { Switches = options.Switches, Fakes = options.Fakes, Behaviours = options.Behaviours });
            return new TestSandbox(root, host, options);
        }
        catch
        {
            GitWorkingCopy.RemoveDirectory(root);
            throw;
        }
    }

    /// <summary>The test's own directory: the scenario, the seeded world under sandbox/, scratch space.</summary>
    public string Root { get; }
    public SandboxPaths Paths => _host.Paths;
    public SandboxWorld World => _host.World;
    public ServiceEndpoints Endpoints => _host.Endpoints;

    /// <summary>The host behind the fakes: its behaviours (<see cref="SandboxHost.Faults"/>) and the fake Forge's root.</summary>
    public SandboxHost Host => _host;

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

    public WireMockServer Server(string service) => _host.Servers[service];

    public TFake Fake<TFake>() where TFake : IServiceFake => _host.Fakes.Values.OfType<TFake>().Single();

    /// <summary>What one fake received (WireMock's log, in its order).</summary>
    public IReadOnlyList<ILogEntry> Requests(string service) => Server(service).LogEntries.ToList();

    public IReadOnlyList<ILogEntry> RequestsTo(string service, string method, string path) =>
        Requests(service).Where(entry => entry.RequestMessage.Method == method && entry.RequestMessage.Path == path).ToList();

    /// <summary>Bodies of the requests one fake received, oldest first.</summary>
    public IReadOnlyList<string> RequestBodies(string service) =>
        Server(service).LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Body ?? "").ToList();

    /// <summary>What every fake received.</summary>
    public IReadOnlyList<ILogEntry> AllRequests() => _host.Servers.Values.SelectMany(server => server.LogEntries).ToList();

    public void ResetRequests()
    {
        foreach (var server in _host.Servers.Values)
        {
            server.ResetLogEntries();
        }
    }

    /// <summary>Another set of clients over the same fakes, e.g. holding other credentials.</summary>
    public ServiceProvider Provider(Credentials credentials, HttpOptions? http = null)
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

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await _host.DisposeAsync();
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

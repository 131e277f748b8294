using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Pagure;
using Releng.Jobs.ScmRequests;
using Releng.Jobs.Services;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>The fake Fedora seeded from a scenario file, with the real clients and the scm-requests job in front of it.</summary>
internal sealed class ScmSandbox : IAsyncDisposable
{
    public const string Tracker = "releng/fedora-scm-requests";

    private readonly ServiceProvider _services;
    private readonly string _root;

    /// <param name="standIns">
    /// False builds the services as a real environment has them: no account directory, no collaborator patterns.
    /// </param>
    /// <param name="pagureToken">False runs without a Pagure token, as a plan-only run does.</param>
    private ScmSandbox(string scenarioFile, string root, bool standIns = true, bool pagureToken = true)
    {
        _root = root;
        Host = SandboxHost.Start(scenarioFile, new SandboxPaths(Path.Combine(root, "sandbox")), fresh: true);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(Host.World.Clock));
        var credentials = pagureToken ? SandboxCredentials.Default : SandboxCredentials.Default with { PagureToken = null };
        services.AddServiceClients(Host.Endpoints, credentials);
        if (standIns)
        {
            services.AddSandboxStandIns(Host.World);
        }
        _services = services.BuildServiceProvider();
    }

    public SandboxHost Host { get; }

    /// <summary>The story of tests/scenarios/scm-requests.yaml.</summary>
    public static ScmSandbox Story(bool standIns = true) =>
        new(Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", "scm-requests.yaml"), NewRoot(), standIns);

    /// <summary>A scenario written for one test.</summary>
    public static ScmSandbox From(string scenarioYaml, bool pagureToken = true)
    {
        var root = NewRoot();
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "scenario.yaml");
        File.WriteAllText(file, scenarioYaml);
        return new ScmSandbox(file, root, pagureToken: pagureToken);
    }

    private static string NewRoot() => Path.Combine(Path.GetTempPath(), "releng-scm-tests", Guid.NewGuid().ToString("N"));

    public IJob Job(int? ticket = null, string? bot = null)
    {
        var spec = Releng.Jobs.Configuration.TaskCatalog.Default.Find("scm-requests")!;
        // These stories read the scenario's pagure.io tracker; the forge's copy has its own tests.
        var parameters = Releng.Jobs.Configuration.JobParameters.Defaults(spec).With("tracker", "releng/fedora-scm-requests");
        if (bot is not null)
        {
            parameters = parameters.With("bot", bot);
        }
        return new ScmRequestsJobFactory().Create(new JobRequest("scm-requests", parameters, ticket), _services);
    }

    public Task<Plan> PlanAsync(int? ticket = null, string? bot = null) => Job(ticket, bot).PlanAsync(CancellationToken.None);

    public async Task<(Plan Plan, IReadOnlyList<Outcome> Outcomes)> ApplyAsync(int? ticket = null)
    {
        var plan = await PlanAsync(ticket);
        var outcomes = await new PlanExecutor(TimeProvider.System).ApplyAsync(plan, _ => { }, CancellationToken.None);
        return (plan, outcomes);
    }

    public PagureIssueState Issue(int id)
    {
        lock (Host.World.Sync)
        {
            return Host.World.Pagure.Projects[Tracker].Issues.Single(i => i.Id == id);
        }
    }

    /// <summary>The bot's comments on a ticket, without their hidden markers.</summary>
    public IReadOnlyList<string> BotComments(int id) =>
        Issue(id).Comments.Where(c => c.Author == "releng-bot" && !c.Notification).Select(c => WithoutMarker(c.Text)).ToList();

    public static string WithoutMarker(string text)
    {
        var marker = text.LastIndexOf("\n\n<!-- releng-jobs:", StringComparison.Ordinal);
        return marker < 0 ? text : text[..marker];
    }

    /// <summary>Every request that could change something (all but GET and Pagure's whoami), on every fake.</summary>
    public IReadOnlyList<string> WriteRequests() =>
        Host.Servers.Values.SelectMany(server => server.LogEntries)
            .Where(entry => entry.RequestMessage.Method != "GET" && !entry.RequestMessage.Path.EndsWith("/-/whoami", StringComparison.Ordinal))
            .Select(entry => $"{entry.RequestMessage.Method} {entry.RequestMessage.Path}")
            .ToList();

    public IReadOnlyList<string> RequestPaths(string service) =>
        Host.Servers[service].LogEntries.Select(entry => entry.RequestMessage.Url).ToList();

    public void ResetLogs()
    {
        foreach (var server in Host.Servers.Values)
        {
            server.ResetLogEntries();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.Configuration;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;
using Releng.Jobs.Unretire;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>
/// A running sandbox (fakes over a scenario) with the production clients wired to it, for end-to-end runs of the
/// unretire job. <see cref="Tracker"/> can be wrapped to inject failures.
/// </summary>
internal sealed class UnretireWorld : IAsyncDisposable
{
    private readonly string _root;
    private readonly ServiceProvider _services;

    /// <param name="standIns">
    /// False builds the services as a real environment has them: no account directory (nobody can be verified).
    /// </param>
    /// <param name="pagureToken">False runs without a Pagure token, as a plan-only run does.</param>
    private UnretireWorld(string root, SandboxHost sandbox, bool standIns = true, bool pagureToken = true)
    {
        _root = root;
        Sandbox = sandbox;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(sandbox.World.Clock));
        var credentials = pagureToken ? SandboxCredentials.Default : SandboxCredentials.Default with { PagureToken = null };
        services.AddServiceClients(sandbox.Endpoints, credentials);
        if (standIns)
        {
            services.AddSandboxStandIns(sandbox.World);
        }
        _services = services.BuildServiceProvider();
    }

    public SandboxHost Sandbox { get; }
    public IServiceProvider Services => _services;

    public static UnretireWorld Start(string scenarioYaml, bool standIns = true, bool pagureToken = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "scenario.yaml");
        File.WriteAllText(file, scenarioYaml);
        return new UnretireWorld(root, SandboxHost.Start(file, new SandboxPaths(Path.Combine(root, "sandbox")), fresh: true), standIns, pagureToken);
    }

    /// <summary>The repository's default scenario (every story).</summary>
    public static UnretireWorld StartDefault()
    {
        var root = Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var scenario = Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", "default.yaml");
        return new UnretireWorld(root, SandboxHost.Start(scenario, new SandboxPaths(Path.Combine(root, "sandbox")), fresh: true));
    }

    public IJob Job(string phase, int? ticket = null, ITicketTracker? tracker = null, string? bot = null)
    {
        if (tracker is null)
        {
            // These stories read the scenario's pagure.io copy of the tracker; the forge's copy has its own tests.
            var values = new Dictionary<string, object?> { ["phase"] = phase, ["tracker"] = "releng", ["requests_tracker"] = "none" };
            if (bot is not null)
            {
                values["bot"] = bot;
            }
            var parameters = new JobParameters(TaskCatalog.Default.Find("unretire")!, values);
            return new UnretireJobFactory().Create(new JobRequest("unretire", parameters, ticket), _services);
        }
        var clock = _services.GetRequiredService<TimeProvider>();
        var distGit = _services.GetRequiredService<IDistGit>();
        var git = _services.GetRequiredService<GitClient>();
        var koji = _services.GetRequiredService<IKojiPackageBlocks>();
        var accounts = _services.GetRequiredService<IAccountDirectory>();
        var checker = new UnretireChecker(distGit, git, koji, _services.GetRequiredService<IBugzilla>(), accounts, clock);
        return new UnretireJob(new UnretireOptions("releng", UnretirePhases.Parse(phase), ticket), [new TrackerProject(tracker, "releng")], distGit, git, koji,
            _services.GetRequiredService<IBodhi>(), accounts, checker);
    }

    public ITicketTracker Tracker => _services.GetRequiredService<ITicketTracker>();

    public async Task<(Plan Plan, IReadOnlyList<Outcome> Outcomes)> ApplyAsync(IJob job)
    {
        var plan = await job.PlanAsync(CancellationToken.None);
        var outcomes = await new PlanExecutor(TimeProvider.System).ApplyAsync(plan, _ => { }, CancellationToken.None);
        return (plan, outcomes);
    }

    public async Task<Ticket> TicketAsync(int id) => (await Tracker.GetTicketAsync("releng", id))!;

    /// <summary>The head commit of a branch in the sandbox's bare repository.</summary>
    public async Task<string?> HeadAsync(string repo, string branch) =>
        (await _services.GetRequiredService<IDistGit>().GetBranchesAsync(DistGitRepo.Parse(repo)))?.HeadOf(branch);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.DistGit;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.Server;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>
/// A seeded dist-git sandbox for one test: real bare repositories from a scenario, the fake API on a random
/// loopback port, and clients wired like production (<see cref="DistGitServiceCollectionExtensions.AddDistGit"/>).
/// </summary>
internal sealed class DistGitSandbox : IAsyncDisposable
{
    public const string Token = "sandbox-token-1234";
    public static readonly DistGitRepo Pyte = DistGitRepo.Parse("rpms/python-pyte");
    public static readonly DistGitRepo Touched = DistGitRepo.Parse("rpms/touched");
    public static readonly DistGitRepo Fresh = DistGitRepo.Parse("rpms/fresh");

    public const string DefaultScenario = """
        clock: 2026-11-24T12:00:00Z
        people:
          jdoe: { fullname: "Jane Doe" }
          alice: {}
        distgit:
          rpms/python-pyte:
            owner: orphan
            description: A simple VTE-compatible terminal emulator library
            admins: [jdoe]
            collaborators: { alice: "epel*" }
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { message: "Update to 0.8.1", days_ago: 300, author: jdoe }
                - { retire: "Orphaned for 6+ weeks", days_ago: 21 }
              f43: same-as rawhide
              f42:
                from: rawhide
                after: 2
                commits:
                  - { retire: "Orphaned for 6+ weeks", days_ago: 60 }
              epel9: { from: rawhide, after: 2 }
          rpms/touched:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 500 }
                - { retire: "Retired: fails to build from source", days_ago: 30 }
                - { message: "Touch after retirement", days_ago: 3, files: { README: "note" } }
        """;

    private readonly List<ServiceProvider> _providers = [];

    private DistGitSandbox(string root, SandboxWorld world, WireMockServer server)
    {
        Root = root;
        World = world;
        Server = server;
        Endpoints = new ServiceEndpoints(
            Pagure: new Uri("http://127.0.0.1:9/"), DistGit: new Uri(server.Url! + "/"),
            DistGitGit: new Uri(world.DistGit.GitRoot + Path.DirectorySeparatorChar),
            Koji: new Uri("http://127.0.0.1:9/kojihub"), Bugzilla: new Uri("http://127.0.0.1:9/"), Bodhi: new Uri("http://127.0.0.1:9/"));
        DistGit = Client(Token);
    }

    public string Root { get; }
    public SandboxWorld World { get; }
    public WireMockServer Server { get; }
    public ServiceEndpoints Endpoints { get; }

    /// <summary>A client holding <see cref="Token"/>.</summary>
    public IDistGit DistGit { get; }

    /// <summary>Scratch space for working copies, inside the test's own directory.</summary>
    public string TempRoot => Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;

    public static DistGitSandbox Start(string scenarioYaml = DefaultScenario)
    {
        var root = Path.Combine(Path.GetTempPath(), $"distgit-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var scenarioFile = Path.Combine(root, "scenario.yaml");
        File.WriteAllText(scenarioFile, scenarioYaml);
        SandboxWorld world;
        try
        {
            var (scenario, hash) = ScenarioLoader.Load(scenarioFile);
            world = SandboxWorld.Seed(scenario, hash, new SandboxPaths(Path.Combine(root, "sandbox")));
        }
        catch
        {
            GitWorkingCopy.RemoveDirectory(root);
            throw;
        }
        var server = WireMockServer.Start();
        try
        {
            new DistGitFake(world).Map(server);
            return new DistGitSandbox(root, world, server);
        }
        catch
        {
            server.Stop();
            server.Dispose();
            GitWorkingCopy.RemoveDirectory(root);
            throw;
        }
    }

    public IDistGit Client(string? token)
    {
        var services = new ServiceCollection();
        var http = new HttpSettings { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        services.AddDistGit(Endpoints, new Credentials(null, token, null, null, null, null, null, null, null), http);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IDistGit>();
    }

    public GitClient Git(Action<string>? log = null, TimeProvider? clock = null) =>
        new(new GitClientOptions(Endpoints.DistGitGit) { TempRoot = TempRoot, Log = log, Clock = clock });

    public string BarePath(DistGitRepo repo) => World.DistGit.RepositoryPath(repo.Namespace, repo.Name);

    /// <summary>Runs git in the bare repository behind the fake, to check what really is on the server.</summary>
    public string Bare(DistGitRepo repo, params string[] arguments) => Releng.Jobs.Sandbox.DistGit.Git.Run(BarePath(repo), arguments).Trim();

    public string Head(DistGitRepo repo, string branch) => Bare(repo, "rev-parse", $"refs/heads/{branch}");

    public bool HasFile(DistGitRepo repo, string branch, string file) =>
        Releng.Jobs.Sandbox.DistGit.Git.TryRun(BarePath(repo), "cat-file", "-e", $"refs/heads/{branch}:{file}").ExitCode == 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        Server.Stop();
        Server.Dispose();
        GitWorkingCopy.RemoveDirectory(Root);
    }
}

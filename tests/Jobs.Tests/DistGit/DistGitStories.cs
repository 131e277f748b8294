using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.DistGit;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using SandboxGit = Releng.Jobs.Sandbox.DistGit.Git;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>
/// dist-git for the client's tests: real bare repositories seeded from a scenario and the fake API, on the shared
/// <see cref="TestSandbox"/> with only the dist-git fake, and clients wired like production.
/// </summary>
internal static class DistGitStories
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

    /// <summary>The fake dist-git over the scenario; <see cref="TestSandbox.DistGit"/> holds <see cref="Token"/>.</summary>
    /// <param name="behaviours">What the fake does before answering, e.g. faults on writes only.</param>
    public static TestSandbox Start(string scenarioYaml = DefaultScenario, IReadOnlyList<IFakeBehaviour>? behaviours = null) =>
        TestSandbox.FromYaml(scenarioYaml, new TestSandboxOptions
        {
            Fakes = [ServiceName.DistGit],
            Behaviours = behaviours ?? [],
            Credentials = TestSandbox.NoCredentials with { DistGitToken = Token },
            Http = new HttpOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(5) },
        });

    /// <summary>A dist-git client holding another token (or none).</summary>
    public static IDistGit DistGitClient(this TestSandbox sandbox, string? token) =>
        sandbox.Provider(TestSandbox.NoCredentials with { DistGitToken = token }).GetRequiredService<IDistGit>();

    public static GitClient Git(this TestSandbox sandbox, Action<string>? log = null, TimeProvider? clock = null) =>
        new(new GitClientOptions(sandbox.Endpoints.DistGitGit) { TempRoot = sandbox.TempRoot, Log = log, Clock = clock });

    public static string BarePath(this TestSandbox sandbox, DistGitRepo repo) => sandbox.World.DistGit.RepositoryPath(repo.Namespace, repo.Name);

    /// <summary>Runs git in the bare repository behind the fake, to check what really is on the server.</summary>
    public static string Bare(this TestSandbox sandbox, DistGitRepo repo, params string[] arguments) =>
        SandboxGit.Run(sandbox.BarePath(repo), arguments).Trim();

    public static string Head(this TestSandbox sandbox, DistGitRepo repo, string branch) => sandbox.Bare(repo, "rev-parse", $"refs/heads/{branch}");

    public static bool HasFile(this TestSandbox sandbox, DistGitRepo repo, string branch, string file) =>
        SandboxGit.TryRun(sandbox.BarePath(repo), "cat-file", "-e", $"refs/heads/{branch}:{file}").ExitCode == 0;
}

using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// The fake dist-git's state: project metadata here, history in real bare git repositories under
/// <see cref="GitRoot"/> (<c>{GitRoot}/{namespace}/{name}.git</c>), which the fake reads with git and the jobs
/// clone and push to through <c>file://</c> paths.
/// </summary>
public sealed class DistGitWorld
{
    /// <summary>The account the fake's API tokens belong to; it creates projects and may change any of them.</summary>
    public const string TokenUser = "releng-bot";

    public string GitRoot { get; set; } = "";

    /// <summary>Projects by <c>namespace/name</c>.</summary>
    public Dictionary<string, DistGitProjectState> Projects { get; set; } = [];

    /// <summary>Accounts that have logged in to dist-git: the scenario's people plus the service accounts.</summary>
    public List<string> Users { get; set; } = [];

    public int NextProjectId { get; set; } = 1;

    public static DistGitWorld Seed(Scenario scenario, SandboxPaths paths) => DistGitSeeder.Seed(scenario, paths.GitRoot);

    public string RepositoryPath(string @namespace, string name) => Path.Combine(GitRoot, @namespace, name + ".git");

    public DistGitProjectState? Find(string @namespace, string name) =>
        Projects.GetValueOrDefault($"{@namespace}/{name}");
}

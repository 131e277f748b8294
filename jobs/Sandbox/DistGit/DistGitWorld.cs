using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>The fake DistGit's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class DistGitWorld
{
    public static DistGitWorld Seed(Scenario scenario, SandboxPaths paths) => new();
}

using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>The fake Pagure's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class PagureWorld
{
    public static PagureWorld Seed(Scenario scenario, SandboxPaths paths) => new();
}

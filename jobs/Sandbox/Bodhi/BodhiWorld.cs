using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Bodhi;

/// <summary>The fake Bodhi's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class BodhiWorld
{
    public static BodhiWorld Seed(Scenario scenario, SandboxPaths paths) => new();
}

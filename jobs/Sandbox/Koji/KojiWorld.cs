using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>The fake Koji's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class KojiWorld
{
    public static KojiWorld Seed(Scenario scenario, SandboxPaths paths) => new();
}

using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Bugzilla;

/// <summary>The fake Bugzilla's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class BugzillaWorld
{
    public static BugzillaWorld Seed(Scenario scenario, SandboxPaths paths) => new();
}

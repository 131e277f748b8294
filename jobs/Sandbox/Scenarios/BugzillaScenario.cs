namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>The <c>bugzilla:</c> section of a scenario.</summary>
public sealed class BugzillaScenario
{
}

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>The <c>bodhi:</c> section of a scenario.</summary>
public sealed class BodhiScenario
{
}

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>The <c>koji:</c> section of a scenario.</summary>
public sealed class KojiScenario
{
}

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>The <c>pagure:</c> section of a scenario.</summary>
public sealed class PagureScenario
{
}

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>The scenario's <c>faults:</c> setting: a rate between 0 and 1 and, to replay a run, its seed.</summary>
public sealed class FaultScenario
{
    public double Rate { get; set; }
    public int? Seed { get; set; }
}

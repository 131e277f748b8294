namespace Releng.Jobs.Planning;

/// <summary>What happened to one step when the plan was applied.</summary>
public sealed record Outcome(Decision Decision, string Step, StepStatus Status, string? Detail, DateTimeOffset Time);

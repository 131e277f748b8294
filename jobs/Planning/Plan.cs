namespace Releng.Jobs.Planning;

/// <summary>The ordered decisions of one job run. Building it only reads; applying it is <see cref="PlanExecutor"/>'s work.</summary>
public sealed record Plan(string Job, IReadOnlyList<Decision> Decisions)
{
    public int WriteCount => Decisions.Sum(d => d.Steps.Count);

    /// <summary>The HTTP requests planning sent, per service, when they were counted.</summary>
    public Http.RequestCounts? Requests { get; init; }
}

namespace Releng.Jobs.Planning;

/// <summary>
/// One write of a decision. It re-checks the system before acting and answers <see cref="StepStatus.AlreadyDone"/>
/// when there is nothing left to do, so a run that died half-way is finished by the next one without repeating.
/// </summary>
public sealed record Step(string Name, Func<CancellationToken, Task<StepResult>> Run);

public enum StepStatus { Done, AlreadyDone, Failed }

/// <summary>The result of one step; <see cref="Detail"/> names what changed (a URL, a commit, a digest).</summary>
public sealed record StepResult(StepStatus Status, string? Detail = null)
{
    public static StepResult Done(string? detail = null) => new(StepStatus.Done, detail);
    public static StepResult AlreadyDone(string? detail = null) => new(StepStatus.AlreadyDone, detail);
}

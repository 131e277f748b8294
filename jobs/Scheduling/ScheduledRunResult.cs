namespace Releng.Jobs.Scheduling;

/// <summary>How one scheduled fire ended. <see cref="ExitCode"/> is -1 when the job threw instead of returning a code.</summary>
public sealed record ScheduledRunResult(string JobName, bool Apply, DateTimeOffset? ScheduledFor, int ExitCode);

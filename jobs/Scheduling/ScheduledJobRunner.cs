using Microsoft.Extensions.Logging;

namespace Releng.Jobs.Scheduling;

/// <summary>What every fire needs from the caller: the way to run a job, a logger, and who to tell when a fire ended.</summary>
internal sealed class ScheduledJobRunner(
    Func<string, bool, CancellationToken, Task<int>> run,
    ILogger logger,
    Action<ScheduledRunResult>? completed)
{
    public ILogger Logger { get; } = logger;

    public Task<int> Run(string job, bool apply, CancellationToken cancellationToken) => run(job, apply, cancellationToken);

    public void Completed(ScheduledRunResult result) => completed?.Invoke(result);
}

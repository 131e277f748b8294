using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Releng.Jobs.Scheduling;

/// <summary>
/// One fire of one jobs.yaml entry. Quartz holds back a fire while the previous one of the same
/// <see cref="JobKey"/> still runs, so a long job never overlaps itself (toddlers' <c>concurrencyPolicy: Forbid</c>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledJobExecution(ScheduledJobRunner runner) : IJob
{
    public const string JobNameKey = "job";
    public const string ApplyKey = "apply";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var job = data.GetString(JobNameKey) ?? context.JobDetail.Key.Name;
        var apply = data.GetString(ApplyKey) == "true";
        var log = runner.Logger;
        log.LogInformation("{Job}: start (scheduled {Scheduled:u}, {Mode})", job, context.ScheduledFireTimeUtc, apply ? "apply" : "plan only");
        var clock = Stopwatch.StartNew();
        int exitCode;
        try
        {
            exitCode = await runner.Run(job, apply, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A job that throws must not take its trigger down with it: the next fire is its retry.
            log.LogError(e, "{Job}: failed after {Elapsed}", job, clock.Elapsed);
            runner.Completed(new ScheduledRunResult(job, apply, context.ScheduledFireTimeUtc, -1));
            return;
        }
        var level = exitCode == 0 ? LogLevel.Information : LogLevel.Warning;
        log.Log(level, "{Job}: end, exit code {ExitCode} after {Elapsed}; next fire {Next:u}", job, exitCode, clock.Elapsed, context.NextFireTimeUtc);
        runner.Completed(new ScheduledRunResult(job, apply, context.ScheduledFireTimeUtc, exitCode));
    }
}

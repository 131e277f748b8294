namespace Releng.Jobs.Planning;

/// <summary>
/// One run of one job, the same from CI, a terminal or the scheduler: plan, print, audit, and with apply execute
/// the steps. Returns 1 when a step failed (the next run retries), else 0. With a <see cref="Http.RequestCounter"/>,
/// the plan's footer says how many requests planning sent to each service, and an applying run says what the steps sent.
/// </summary>
public sealed class JobRunner(IRunLog log, TimeProvider clock, Http.RequestCounter? requests = null)
{
    public async Task<JobRunResult> RunAsync(string jobName, IJob job, bool apply, AuditLog audit, string? stepSummaryFile,
        Secrets.SecretMasker masker, CancellationToken cancellationToken)
    {
        var beforePlan = requests?.Snapshot();
        var plan = await job.PlanAsync(cancellationToken);
        var planRequests = requests?.Snapshot();
        plan = plan with { Job = jobName, Requests = beforePlan is null ? null : planRequests!.Since(beforePlan) };
        log.Information(PlanTable.Render(plan, apply));
        foreach (var decision in plan.Decisions)
        {
            audit.Decision(jobName, apply, decision);
        }
        IReadOnlyList<Outcome> outcomes = [];
        if (apply && plan.WriteCount > 0)
        {
            outcomes = await new PlanExecutor(clock).ApplyAsync(plan, outcome =>
            {
                audit.Outcome(jobName, outcome);
                var line = $"{outcome.Decision.Subject}: {outcome.Step}: {AuditLog.StatusName(outcome.Status)}" +
                    (outcome.Detail is null ? "" : $" ({outcome.Detail})");
                if (outcome.Status == StepStatus.Failed)
                {
                    log.Error(line);
                }
                else
                {
                    log.Information(line);
                }
            }, cancellationToken);
        }
        if (stepSummaryFile is not null)
        {
            StepSummary.Append(stepSummaryFile, StepSummary.Render(plan, outcomes, apply, masker), masker);
        }
        var failed = outcomes.Count(o => o.Status == StepStatus.Failed);
        if (apply)
        {
            log.Information($"{jobName}: {outcomes.Count(o => o.Status == StepStatus.Done)} write(s) done, " +
                $"{outcomes.Count(o => o.Status == StepStatus.AlreadyDone)} already done, {failed} failed; audit: {audit.Path}");
            if (planRequests is not null)
            {
                log.Information($"{jobName}: requests while applying (reads / writes): {requests!.Snapshot().Since(planRequests).Describe()}");
            }
        }
        return new JobRunResult(plan, outcomes, failed > 0 ? 1 : 0);
    }
}

public sealed record JobRunResult(Plan Plan, IReadOnlyList<Outcome> Outcomes, int ExitCode);

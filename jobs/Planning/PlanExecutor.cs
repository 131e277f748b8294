namespace Releng.Jobs.Planning;

/// <summary>
/// Runs each decision's steps in order. A failed step stops the rest of its decision (so a ticket is never closed
/// after a failed revert) but not the other decisions: one bad ticket never stops the others.
/// </summary>
public sealed class PlanExecutor(TimeProvider clock)
{
    public async Task<IReadOnlyList<Outcome>> ApplyAsync(Plan plan, Action<Outcome> report, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        foreach (var decision in plan.Decisions)
        {
            foreach (var step in decision.Steps)
            {
                StepResult result;
                try
                {
                    result = await step.Run(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    result = new StepResult(StepStatus.Failed, e.Message);
                }
                var outcome = new Outcome(decision, step.Name, result.Status, result.Detail, clock.GetUtcNow());
                outcomes.Add(outcome);
                report(outcome);
                if (result.Status == StepStatus.Failed)
                {
                    break;
                }
            }
        }
        return outcomes;
    }
}

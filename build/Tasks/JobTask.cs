using Releng.Build.Context;
using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

/// <summary>
/// A task that runs one releng process: thin on purpose. The job (in jobs/) plans and acts; the task picks the
/// jobs.yaml entries (or <c>--job</c>) and hands them to the runner.
/// </summary>
public abstract class JobTask(string task) : AsyncFrostingTask<JobsContext>
{
    public override async Task RunAsync(JobsContext context)
    {
        foreach (var request in context.RequestsFor(task))
        {
            await context.RunJobAsync(request);
        }
    }
}

using Releng.Build.Context;
using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("all")]
[TaskDescription("Every enabled job of jobs.yaml, in plan mode unless --apply (try it with --env=sandbox)")]
public sealed class AllTask : AsyncFrostingTask<JobsContext>
{
    public override async Task RunAsync(JobsContext context)
    {
        var jobs = context.AllRequests();
        context.RunLog.Information($"Running {jobs.Count} job(s) from {context.Options.JobsFile} on '{context.Options.Environment}'" +
            (context.Options.Apply ? " with --apply" : " in plan mode"));
        foreach (var request in jobs)
        {
            await context.RunJobAsync(request);
        }
    }
}

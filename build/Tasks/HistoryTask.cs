using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.GitHub;

namespace Releng.Build.Tasks;

[TaskName("history")]
[TaskDescription("Lists a job's recent workflow runs with conclusion, trigger, actor and link (--job, --repository=owner/name)")]
public sealed class HistoryTask : AsyncFrostingTask<JobsContext>
{
    public override async Task RunAsync(JobsContext context)
    {
        var runs = await context.Systems.Services.GetRequiredService<RunHistory>().ListAsync(GitHubTarget.Repository(context), GitHubTarget.Job(context));
        context.RunLog.Information(RunHistory.Format(runs));
    }
}

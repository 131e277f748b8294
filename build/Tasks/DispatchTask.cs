using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;

namespace Releng.Build.Tasks;

[TaskName("dispatch")]
[TaskDescription("Triggers a job's workflow on GitHub (--job, --ticket, --force, --apply, --repository=owner/name, --ref)")]
public sealed class DispatchTask : AsyncFrostingTask<JobsContext>
{
    public override async Task RunAsync(JobsContext context)
    {
        var job = GitHubTarget.Job(context);
        var dispatch = await context.Systems.Services.GetRequiredService<WorkflowDispatcher>().DispatchAsync(
            GitHubTarget.Repository(context), job, context.Options.Apply, context.Options.Ticket?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            context.Arguments.HasArgument("force"), context.Arguments.HasArgument("ref") ? context.Arguments.GetArguments("ref").Last() : WorkflowDispatcher.DefaultRef);
        context.RunLog.Information($"dispatched {job} ({string.Join(", ", dispatch.Inputs.Select(i => $"{i.Key}={i.Value}"))}); runs: {dispatch.RunsPage}");
    }
}

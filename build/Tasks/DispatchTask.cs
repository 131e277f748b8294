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

/// <summary>Which repository and job the GitHub tasks talk about.</summary>
internal static class GitHubTarget
{
    public static string Job(JobsContext context)
    {
        if (context.Options.IsSandbox)
        {
            throw new ConfigurationException("--env", 0, 0, "the sandbox has no GitHub; use --env=fedora (GITHUB_TOKEN from the environment)");
        }
        var job = context.Options.Job ?? throw new ConfigurationException("--job", 0, 0, "name the job: --job=<name from jobs.yaml>");
        return context.JobsFile.Jobs.ContainsKey(job) ? job : throw new ConfigurationException(context.Options.JobsFile, 0, 0, $"no job '{job}'");
    }

    public static GitHubRepository Repository(JobsContext context)
    {
        var text = context.Arguments.HasArgument("repository")
            ? context.Arguments.GetArguments("repository").Last()
            : Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")
              ?? throw new ConfigurationException("--repository", 0, 0, "name the GitHub repository: --repository=owner/name (or set GITHUB_REPOSITORY)");
        return GitHubRepository.Parse(text);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.Planning;
using Releng.Jobs.Services;

namespace Releng.Build.Tasks;

[TaskName("services")]
[TaskDescription("Which services answer and which credentials are present (--env=sandbox|fedora|staging)")]
public sealed class ServicesTask : AsyncFrostingTask<JobsContext>
{
    public override async Task RunAsync(JobsContext context)
    {
        // The same jobs.yaml every other target reads is checked here too, in the sandbox as well.
        _ = context.JobsFile;
        var environment = context.Systems;
        var results = await environment.Services.GetRequiredService<ServiceProbe>().CheckAsync(environment.Endpoints, CancellationToken.None);
        var log = context.RunLog;
        log.Information($"Services of environment '{environment.Name}':");
        foreach (var result in results)
        {
            log.Information($"  {result.Service,-9} {(result.Answers ? "answers" : "UNREACHABLE"),-11} {result.Detail,-10} {result.Elapsed.TotalMilliseconds,6:0} ms  {result.Url}");
        }
        log.Information(environment.Sandbox is null
            ? $"  git       {environment.Endpoints.DistGitGit}"
            : $"  git       local bare repositories under {environment.Endpoints.DistGitGit.LocalPath}");
        log.Information("Credentials (from the environment; values are never shown):");
        foreach (var (variable, present) in context.Credentials.Presence())
        {
            log.Information($"  {variable,-18} {(present ? "present" : "absent")}");
        }
        if (environment.Sandbox is not null)
        {
            log.Information("  (the sandbox uses its own fake credentials and never sends real ones)");
        }
        if (context.Options.StepSummary is { } summary)
        {
            StepSummary.Append(summary, ServiceReport.Markdown(environment.Name, results, context.Credentials.Presence()), context.Masker);
        }
        if (results.Any(r => !r.Answers))
        {
            throw new Cake.Core.CakeException(ExitCodes.ActionFailed, $"unreachable: {string.Join(", ", results.Where(r => !r.Answers).Select(r => r.Service))}");
        }
    }
}

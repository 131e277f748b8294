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

[TaskName("unretire")]
[TaskDescription("Unretirement tickets: report, process recent retirements, then all (--job, --ticket, --apply)")]
public sealed class UnretireTask() : JobTask("unretire");

[TaskName("scm-requests")]
[TaskDescription("New repository and new branch requests from fedora-scm-requests (--job, --ticket, --apply)")]
public sealed class ScmRequestsTask() : JobTask("scm-requests");

[TaskName("base-image-rebuild")]
[TaskDescription("Rebuild the container base image when a package in it changed (--job, --force, --apply)")]
public sealed class BaseImageRebuildTask() : JobTask("base-image-rebuild");

[TaskName("base-image-push")]
[TaskDescription("Push the latest base image build to the registries once a week (--job, --apply)")]
public sealed class BaseImagePushTask() : JobTask("base-image-push");

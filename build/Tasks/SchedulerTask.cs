using System.Runtime.InteropServices;
using Cake.Core;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Build.Logging;
using Releng.Jobs.Scheduling;

namespace Releng.Build.Tasks;

[TaskName("scheduler")]
[TaskDescription("Runs jobs.yaml's schedule in this process with Quartz until stopped (--scheduler-db=<PostgreSQL> for a cluster)")]
public sealed class SchedulerTask : AsyncFrostingTask<JobsContext>
{
    public override async Task RunAsync(JobsContext context)
    {
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
        var options = new JobSchedulerOptions
        {
            DatabaseConnectionString = context.Arguments.HasArgument("scheduler-db") ? context.Arguments.GetArguments("scheduler-db").Last() : null,
        };
        var log = context.RunLog;
        var exit = await JobScheduler.RunAsync(context.JobsFile, (job, apply, ct) =>
        {
            var task = context.JobsFile.Jobs[job].Task;
            List<string> arguments = [$"--target={task}", $"--job={job}", $"--env={context.Options.Environment}", $"--config={context.Options.JobsFile}"];
            if (apply)
            {
                arguments.Add("--apply");
            }
            return ChildRun.RunAsync(arguments, log, job, ct);
        }, options, new CakeLogger(log), stop.Token);
        if (exit != 0)
        {
            throw new CakeException(exit, "the scheduler had nothing to run");
        }
    }
}

using Cake.Core;
using Releng.Build.Hosting;

namespace Releng.Build.Context;

/// <summary>
/// Reads the options before any task runs, and when the run ends saves the sandbox world and turns failed steps
/// into exit code 1, so CI shows the run red and the next scheduled run retries.
/// </summary>
public sealed class JobsLifetime : FrostingLifetime<JobsContext>
{
    public override void Setup(JobsContext context, ISetupContext info) => context.Initialize();

    public override void Teardown(JobsContext context, ITeardownContext info)
    {
        context.DisposeEnvironmentAsync().AsTask().GetAwaiter().GetResult();
        if (info.Successful && context.FailedRuns > 0)
        {
            throw new CakeException(ExitCodes.ActionFailed, $"{context.FailedRuns} job(s) had a failed step; see the audit file {context.AuditPath}");
        }
    }
}

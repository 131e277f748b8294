using Releng.Build.Context;
using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("Default")]
[TaskDescription("Lists the tasks; run one with --target=<name>")]
public sealed class DefaultTask : FrostingTask<JobsContext>
{
    public override void Run(JobsContext context) =>
        context.RunLog.Information("""
            Releng Jobs. Try:
              ./build.sh --target=all --env=sandbox      every job of jobs.yaml, plan only, on the built-in sandbox
              ./build.sh --target=test                   the tests
              ./build.sh --description                   every task with its description
            """);
}

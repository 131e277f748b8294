using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.Configuration;

namespace Releng.Build.Tasks;

[TaskName("workflows")]
[TaskDescription("Regenerates .github/workflows/ and jobs.schema.json from jobs.yaml and the task catalog")]
public sealed class WorkflowsTask : FrostingTask<JobsContext>
{
    public override void Run(JobsContext context)
    {
        File.WriteAllText("jobs.schema.json", JobsSchema.Generate(context.Catalog));
        context.RunLog.Information("wrote jobs.schema.json");
    }
}

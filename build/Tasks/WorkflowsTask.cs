using Cake.Core;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.Configuration;
using Releng.Jobs.Workflows;

namespace Releng.Build.Tasks;

[TaskName("workflows")]
[TaskDescription("Regenerates .github/workflows/, .forgejo/workflows/ and jobs.schema.json from jobs.yaml (--check only compares)")]
public sealed class WorkflowsTask : FrostingTask<JobsContext>
{
    public override void Run(JobsContext context)
    {
        var root = Directory.GetCurrentDirectory();
        var log = context.RunLog;
        var schema = JobsSchema.Generate(context.Catalog);
        var schemaFile = Path.Combine(root, "jobs.schema.json");
        var schemaInSync = File.Exists(schemaFile) && File.ReadAllText(schemaFile) == schema;
        if (context.Arguments.HasArgument("check"))
        {
            var drift = WorkflowSync.Check(root, context.JobsFile, context.Catalog);
            Warn(log, drift.Warnings);
            if (!drift.InSync || !schemaInSync)
            {
                throw new CakeException(ExitCodes.ActionFailed, (drift.InSync ? "" : drift.Describe() + "\n") +
                    (schemaInSync ? "" : "jobs.schema.json is out of date. ") + "Run ./build.sh --target=workflows");
            }
            log.Information("workflows and jobs.schema.json are in sync with jobs.yaml");
            return;
        }
        var written = WorkflowSync.Write(root, context.JobsFile, context.Catalog);
        Warn(log, written.Warnings);
        log.Information(written.InSync ? "workflows were already in sync" : written.Describe());
        if (!schemaInSync)
        {
            File.WriteAllText(schemaFile, schema);
            log.Information("wrote jobs.schema.json");
        }
    }

    private static void Warn(Releng.Jobs.Planning.IRunLog log, IEnumerable<WorkflowWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            log.Warning(warning.ToString());
        }
    }
}

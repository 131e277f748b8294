using Cake.Common;
using Cake.Core;
using Cake.Core.IO;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Path = System.IO.Path;

namespace Releng.Build.Tasks;

[TaskName("bench")]
[TaskDescription("Runs the benchmarks (requests sent and wall time against fakes with injected latency) and prints a table")]
public sealed class BenchTask : FrostingTask<JobsContext>
{
    public override void Run(JobsContext context)
    {
        var arguments = new ProcessArgumentBuilder()
            .Append("run").Append("--project").AppendQuoted(Path.Combine("tests", "Jobs.Benchmarks", "Jobs.Benchmarks.csproj"))
            .Append("--configuration").Append("Release");
        var exitCode = context.StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (exitCode != 0)
        {
            throw new CakeException(ExitCodes.ActionFailed, $"the benchmarks exited {exitCode}");
        }
    }
}

using Cake.Common;
using Cake.Core;
using Cake.Core.IO;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Path = System.IO.Path;

namespace Releng.Build.Tasks;

[TaskName("bench")]
[TaskDescription("Runs the benchmarks (host start, sandbox seeding, ticket jobs at scale and latency: requests, wall time, memory, concurrency) and prints a table; --full adds the largest sizes; --tickets=500,2000 --latency=20 pick the ticket jobs' sizes and latencies; --distgit-concurrency=12 runs them with that many dist-git requests at once")]
public sealed class BenchTask : FrostingTask<JobsContext>
{
    public override void Run(JobsContext context)
    {
        var arguments = new ProcessArgumentBuilder()
            .Append("run").Append("--project").AppendQuoted(Path.Combine("tests", "Jobs.Benchmarks", "Jobs.Benchmarks.csproj"))
            .Append("--configuration").Append("Release");
        arguments.Append("--");
        if (context.Arguments.HasArgument("full"))
        {
            arguments.Append("--full");
        }
        if (context.Arguments.HasArgument("only"))
        {
            arguments.AppendQuoted("--only=" + context.Arguments.GetArguments("only").Last());
        }
        foreach (var name in new[] { "tickets", "latency", "distgit-concurrency" })
        {
            if (context.Arguments.HasArgument(name))
            {
                arguments.AppendQuoted($"--{name}=" + context.Arguments.GetArguments(name).Last());
            }
        }
        var exitCode = context.StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        if (exitCode != 0)
        {
            throw new CakeException(ExitCodes.ActionFailed, $"the benchmarks exited {exitCode}");
        }
    }
}

using System.Xml.Linq;
using Cake.Common;
using Cake.Core;
using Cake.Core.IO;
using Path = System.IO.Path;
using Releng.Build.Context;
using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("test")]
[TaskDescription("Runs the test suite (dotnet test) and prints 'N passed, N failed'")]
public sealed class TestTask : FrostingTask<JobsContext>
{
    public override void Run(JobsContext context)
    {
        var results = Path.GetFullPath(Path.Combine("artifacts", "test-results"));
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }
        var arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(Path.Combine("tests", "Jobs.Tests", "Jobs.Tests.csproj"))
            .Append("--logger").AppendQuoted("trx;LogFileName=tests.trx")
            .Append("--logger").AppendQuoted("console;verbosity=normal")
            .Append("--results-directory").AppendQuoted(results);
        if (context.Arguments.HasArgument("filter"))
        {
            arguments.Append("--filter").AppendQuoted(context.Arguments.GetArguments("filter").Last());
        }
        var exitCode = context.StartProcess("dotnet", new ProcessSettings { Arguments = arguments });
        var (passed, failed, skipped) = Count(results);
        // The plain closing line CI reads; a run that executed no test shows as 0 passed.
        Console.WriteLine($"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : ""));
        if (exitCode != 0 || failed > 0 || passed == 0)
        {
            throw new CakeException(ExitCodes.ActionFailed, passed == 0 && failed == 0 ? "no test ran" : $"dotnet test exited {exitCode}");
        }
    }

    private static (int Passed, int Failed, int Skipped) Count(string directory)
    {
        var file = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories).FirstOrDefault() : null;
        if (file is null)
        {
            return (0, 0, 0);
        }
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var counters = XDocument.Load(file).Descendants(ns + "Counters").FirstOrDefault();
        int Read(string name) => int.TryParse(counters?.Attribute(name)?.Value, out var n) ? n : 0;
        return (Read("passed"), Read("failed") + Read("error") + Read("timeout") + Read("aborted"), Read("notExecuted"));
    }
}

using Cake.Core;
using Microsoft.Extensions.DependencyInjection;
using Releng.Build;
using Releng.Jobs.Planning;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Hosting;

/// <summary>Runs the real host in-process in a scratch directory with its own jobs.yaml, scenario and audit file.</summary>
public sealed class HostFixture : IDisposable
{
    public HostFixture()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(JobsFile, """
            jobs:
              unretire:
                task: unretire
                schedule: "17 */2 * * *"
                with: { phase: report }
            """);
        File.WriteAllText(Scenario, "clock: 2026-11-24T12:00:00Z\n");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "releng-jobs-tests", Guid.NewGuid().ToString("N"));
    public string JobsFile => Path.Combine(Root, "jobs.yaml");
    public string Scenario => Path.Combine(Root, "scenario.yaml");
    public string Audit => Path.Combine(Root, "audit.jsonl");
    public string Summary => Path.Combine(Root, "summary.md");
    public RecordingConsole Console { get; } = new();

    /// <summary>What Cake writes through Spectre.Console: the task report and <c>--description</c>.</summary>
    public StringWriter AnsiOutput { get; } = new();

    public static Credentials CredentialsWith(string pagureToken) =>
        Credentials.FromEnvironment(name => name == "PAGURE_TOKEN" ? pagureToken : null);

    public async Task<int> RunAsync(IJobFactory? factory, Credentials? credentials, params string[] args)
    {
        var host = JobsHost.Create(credentials ?? Credentials.FromEnvironment(_ => null), services =>
        {
            services.AddSingleton<IConsole>(Console);
            services.AddSingleton(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(AnsiOutput),
                Ansi = Spectre.Console.AnsiSupport.No,
            }));
            if (factory is not null)
            {
                services.AddSingleton(factory);
            }
        });
        string[] common = [$"--config={JobsFile}", $"--scenario={Scenario}", $"--sandbox-dir={Path.Combine(Root, "sandbox")}",
            $"--audit={Audit}", $"--summary={Summary}"];
        return await host.RunAsync(common.Concat(args));
    }

    public string[] AuditLines => File.Exists(Audit) ? File.ReadAllLines(Audit) : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

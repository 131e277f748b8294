using System.Text.Json;
using Releng.Jobs.Sandbox;

namespace Releng.Jobs.Tests.Kerberos;

/// <summary>
/// The host as a separate process, started the way CI starts it: through build/krb5/with-kerberos.sh, with the
/// Kerberos pair in its environment, so the native library sees KRB5_CLIENT_KTNAME, KRB5CCNAME and KRB5_CONFIG from
/// the start. <see cref="Staging"/> points "staging" at the sandbox's fakes, FASJSON and Koji behind the Apache front.
/// </summary>
internal sealed class RealRun(string root)
{
    public string Root { get; } = root;
    public string Audit => Path.Combine(Root, "audit.jsonl");
    public string Summary => Path.Combine(Root, "summary.md");
    public string TempDirectory => Path.Combine(Root, "tmp");
    public string JobsFile => Path.Combine(Root, "jobs.yaml");

    public sealed record Output(int ExitCode, string Log);

    public static RealRun Staging(string root, SandboxHost sandbox, GssapiFront front)
    {
        var run = new RealRun(root);
        Directory.CreateDirectory(run.TempDirectory);
        var e = sandbox.Endpoints;
        File.WriteAllText(run.JobsFile, $$"""
            services:
              staging:
                pagure: {{e.Pagure}}
                distgit: {{e.DistGit}}
                distgit_git: {{e.DistGitGit.AbsoluteUri}}
                koji: {{front.KojiHub}}
                bugzilla: {{e.Bugzilla}}
                bodhi: {{e.Bodhi}}
                fasjson: {{front.Fasjson}}
                forge: {{e.Forge}}
            jobs:
              unretire:
                task: unretire
                schedule: "17 */2 * * *"
                with: { tracker: releng, phase: recent }
              scm-requests:
                task: scm-requests
                schedule: "*/10 * * * *"
                with: { tracker: releng/fedora-scm-requests, bot: releng-bot }
              base-image-rawhide:
                task: base-image-rebuild
                schedule: "30 5 * * *"
                with: { image: Fedora-Container-Base-Generic, tag: f44, target: f44-container, release: "44" }
            """);
        return run;
    }

    /// <summary>Runs <c>with-kerberos.sh dotnet exec Releng.Build.dll</c> with exactly <paramref name="environment"/> for Kerberos.</summary>
    public async Task<Output> RunAsync(IReadOnlyDictionary<string, string> environment, bool throughScript, params string[] arguments)
    {
        var host = typeof(Releng.Build.Context.ChildRun).Assembly.Location;
        string[] common = [$"--config={JobsFile}", $"--audit={Audit}", $"--summary={Summary}", "--verbosity=normal"];
        var program = throughScript ? "bash" : "dotnet";
        IEnumerable<string> args = throughScript
            ? [Path.Combine(RepositoryRoot.Find(), "build", "krb5", "with-kerberos.sh"), "dotnet", "exec", host, .. arguments, .. common]
            : ["exec", host, .. arguments, .. common];
        var variables = new Dictionary<string, string>(environment)
        {
            ["TMPDIR"] = TempDirectory,
            // The fakes' own values; the real environments' credentials never reach a fake.
            ["PAGURE_TOKEN"] = SandboxCredentials.Default.PagureToken!,
            ["FORGE_TOKEN"] = SandboxCredentials.Default.ForgeToken!,
            ["DISTGIT_TOKEN"] = SandboxCredentials.Default.DistGitToken!,
            ["BUGZILLA_API_KEY"] = SandboxCredentials.Default.BugzillaApiKey!,
            ["GITHUB_STEP_SUMMARY"] = "",
            ["CI"] = "",
        };
        var result = await Command.RunAsync(program, args, variables, Root, TimeSpan.FromMinutes(5));
        return new Output(result.ExitCode, result.All);
    }

    /// <summary>(job, subject, decision, reason) of every decision in the audit file.</summary>
    public IReadOnlyList<(string Job, string Subject, string Decision, string Reason)> Decisions() =>
        File.ReadAllLines(Audit).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(entry => !entry.TryGetProperty("step", out var step) || step.ValueKind == JsonValueKind.Null)
            .Select(entry => (entry.GetProperty("job").GetString()!, entry.GetProperty("subject").GetString()!,
                entry.GetProperty("decision").GetString()!, entry.GetProperty("reason").GetString()!))
            .ToList();

    /// <summary>(step, status, detail) of every executed step.</summary>
    public IReadOnlyList<(string Step, string Status, string? Detail)> Outcomes() =>
        File.ReadAllLines(Audit).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(entry => entry.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.String)
            .Select(entry => (entry.GetProperty("step").GetString()!, entry.GetProperty("status").GetString()!,
                entry.TryGetProperty("detail", out var detail) ? detail.GetString() : null))
            .ToList();
}

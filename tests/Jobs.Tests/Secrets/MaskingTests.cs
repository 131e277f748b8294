using Releng.Jobs.Planning;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Secrets;

/// <summary>A password may hold any character; escaping for JSON or Markdown must not let it slip past the masker.</summary>
public sealed class MaskingTests : IDisposable
{
    private const string Password = "p\"a|ss\\w0rd";
    private readonly string _directory = Directory.CreateTempSubdirectory("releng-masking-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Decision Leaking() => new("releng#1", "comment", $"login with {Password} failed",
        [new Evidence("error", $"password {Password}")],
        [new Step($"retry {Password}", _ => Task.FromResult(StepResult.Done($"detail {Password}")))]);

    [Fact]
    public void A_secret_with_json_special_characters_is_masked_in_the_audit_file()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        var decision = Leaking();
        using (var audit = new AuditLog(path, new SecretMasker([Password]), TimeProvider.System))
        {
            audit.Decision("unretire", apply: true, decision);
            audit.Outcome("unretire", new Outcome(decision, decision.Steps[0].Name, StepStatus.Failed, $"detail {Password}", DateTimeOffset.UnixEpoch));
        }

        var text = File.ReadAllText(path);

        Assert.Contains("login with *** failed", text);
        Assert.DoesNotContain("w0rd", text);
    }

    [Fact]
    public async Task A_secret_with_a_table_separator_is_masked_in_the_step_summary()
    {
        var summary = Path.Combine(_directory, "summary.md");
        var masker = new SecretMasker([Password]);
        using var audit = new AuditLog(Path.Combine(_directory, "audit.jsonl"), masker, TimeProvider.System);

        await new JobRunner(new SilentLog(), TimeProvider.System)
            .RunAsync("unretire", new PlannedJob(new Plan("unretire", [Leaking()])), apply: true, audit, summary, masker, CancellationToken.None);

        var text = File.ReadAllText(summary);
        Assert.Contains("login with *** failed", text);
        Assert.DoesNotContain("w0rd", text);
    }

    private sealed class PlannedJob(Plan plan) : IJob
    {
        public Task<Plan> PlanAsync(CancellationToken cancellationToken) => Task.FromResult(plan);
    }

    private sealed class SilentLog : IRunLog
    {
        public void Information(string message) { }
        public void Warning(string message) { }
        public void Error(string message) { }
        public void Verbose(string message) { }
    }
}

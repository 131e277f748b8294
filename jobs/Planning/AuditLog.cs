using System.Text.Json;
using System.Text.Json.Serialization;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Planning;

/// <summary>
/// The JSON-lines audit file: one object per decision and one per executed step, so a person or a script can count
/// what a run looked at and changed (<c>jq 'select(.status=="done")'</c>). Secrets are masked.
/// </summary>
public sealed class AuditLog(string path, SecretMasker masker, TimeProvider clock) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly StreamWriter _writer = Open(path);

    public string Path { get; } = path;

    private static StreamWriter Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        return new StreamWriter(path, append: true) { AutoFlush = true };
    }

    public void Decision(string job, bool apply, Decision decision) => Write(new AuditEntry(
        clock.GetUtcNow(), job, apply ? "apply" : "plan", decision.Subject, decision.Action, decision.Reason,
        decision.Evidence.ToDictionary(e => e.Fact, e => e.Value), decision.Steps.Select(s => s.Name).ToList(), null, null, null));

    /// <summary>The line of a plan that failed: decision <c>error</c> and why, so the audit of a failed run is never empty.</summary>
    public void PlanFailed(string job, bool apply, string subject, string reason) => Write(new AuditEntry(
        clock.GetUtcNow(), job, apply ? "apply" : "plan", subject, ErrorDecision, reason, null, null, null, null, null));

    public const string ErrorDecision = "error";

    public void Outcome(string job, Outcome outcome) => Write(new AuditEntry(
        outcome.Time, job, "apply", outcome.Decision.Subject, outcome.Decision.Action, outcome.Decision.Reason,
        null, null, outcome.Step, StatusName(outcome.Status), outcome.Detail));

    public static string StatusName(StepStatus status) => status switch
    {
        StepStatus.Done => "done",
        StepStatus.AlreadyDone => "already-done",
        _ => "failed",
    };

    private void Write(AuditEntry entry)
    {
        lock (_writer)
        {
            // Masked before serializing: JSON escaping (a quote, a backslash) would hide a secret from the masker.
            _writer.WriteLine(masker.Apply(JsonSerializer.Serialize(Masked(entry), Json)));
        }
    }

    private AuditEntry Masked(AuditEntry entry) => entry with
    {
        Subject = masker.Apply(entry.Subject),
        Decision = masker.Apply(entry.Decision),
        Reason = masker.Apply(entry.Reason),
        Evidence = entry.Evidence?.ToDictionary(e => masker.Apply(e.Key), e => masker.Apply(e.Value)),
        Steps = entry.Steps?.Select(masker.Apply).ToList(),
        Step = entry.Step is null ? null : masker.Apply(entry.Step),
        Detail = entry.Detail is null ? null : masker.Apply(entry.Detail),
    };

    public void Dispose() => _writer.Dispose();

    private sealed record AuditEntry(
        DateTimeOffset Time, string Job, string Mode, string Subject, string Decision, string Reason,
        Dictionary<string, string>? Evidence, List<string>? Steps, string? Step, string? Status, string? Detail);
}

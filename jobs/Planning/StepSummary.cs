using System.Text;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Planning;

/// <summary>A Markdown summary of a run for <c>$GITHUB_STEP_SUMMARY</c>: the page people read first after a CI run.</summary>
public static class StepSummary
{
    /// <summary>The summary's Markdown; with <paramref name="masker"/>, secrets are masked before cells are escaped.</summary>
    public static string Render(Plan plan, IReadOnlyList<Outcome> outcomes, bool apply, SecretMasker? masker = null)
    {
        masker ??= SecretMasker.None;
        string Cell(string text) => Escape(masker.Apply(text));
        var text = new StringBuilder();
        text.AppendLine($"### {plan.Job}: {(apply ? "applied" : "plan only")}");
        text.AppendLine();
        if (plan.Decisions.Count == 0)
        {
            text.AppendLine("Nothing to look at.");
            return text.ToString();
        }
        text.AppendLine("| Subject | Decision | Reason | Steps |");
        text.AppendLine("|---|---|---|---|");
        foreach (var decision in plan.Decisions)
        {
            var steps = decision.Steps.Count == 0
                ? "–"
                : string.Join("<br>", decision.Steps.Select(step =>
                {
                    var outcome = outcomes.LastOrDefault(o => ReferenceEquals(o.Decision, decision) && o.Step == step.Name);
                    var status = outcome is null ? (apply ? "not run" : "planned") : AuditLog.StatusName(outcome.Status);
                    return $"{Cell(step.Name)} ({status})";
                }));
            text.AppendLine($"| {Cell(decision.Subject)} | {Cell(decision.Action)} | {Cell(decision.Reason)} | {steps} |");
        }
        if (apply)
        {
            text.AppendLine();
            text.AppendLine($"Writes: {outcomes.Count(o => o.Status == StepStatus.Done)} done, " +
                $"{outcomes.Count(o => o.Status == StepStatus.AlreadyDone)} already done, " +
                $"{outcomes.Count(o => o.Status == StepStatus.Failed)} failed.");
        }
        return text.ToString();
    }

    public static void Append(string file, string markdown, SecretMasker masker) =>
        File.AppendAllText(file, masker.Apply(markdown) + Environment.NewLine);

    /// <summary>Text made safe for one Markdown table cell.</summary>
    public static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}

using System.Text;

namespace Releng.Jobs.Planning;

/// <summary>
/// The plan as a plain-text table for the log: one row per decision, its reason, then its evidence and steps; the
/// footer says what planning cost in requests per service, so a slow run explains itself.
/// </summary>
public static class PlanTable
{
    public static string Render(Plan plan, bool apply)
    {
        var text = new StringBuilder();
        var mode = apply ? "apply" : "plan only (run with --apply to act)";
        text.AppendLine($"Plan for job '{plan.Job}': {plan.Decisions.Count} subject(s), {plan.WriteCount} write(s); {mode}");
        if (plan.Decisions.Count == 0)
        {
            text.AppendLine("  nothing to look at");
            AppendFooter(text, plan);
            return text.ToString();
        }
        var subjectWidth = Math.Min(40, plan.Decisions.Max(d => d.Subject.Length));
        var actionWidth = Math.Min(28, plan.Decisions.Max(d => d.Action.Length));
        text.AppendLine($"  {"SUBJECT".PadRight(subjectWidth)}  {"DECISION".PadRight(actionWidth)}  REASON");
        foreach (var decision in plan.Decisions)
        {
            text.AppendLine($"  {decision.Subject.PadRight(subjectWidth)}  {decision.Action.PadRight(actionWidth)}  {decision.Reason}");
            var indent = new string(' ', subjectWidth + 4);
            foreach (var evidence in decision.Evidence)
            {
                text.AppendLine($"{indent}· {evidence.Fact}: {evidence.Value}");
            }
            foreach (var step in decision.Steps)
            {
                text.AppendLine($"{indent}→ {step.Name}");
            }
        }
        AppendFooter(text, plan);
        return text.ToString();
    }

    private static void AppendFooter(StringBuilder text, Plan plan)
    {
        if (plan.Requests is { } requests)
        {
            text.AppendLine($"  requests while planning (reads / writes): {requests.Describe()}");
        }
    }
}

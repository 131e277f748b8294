using System.Globalization;
using System.Text;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Services;

/// <summary>The <c>services</c> check as the step summary shows it: which services answer, which credentials are set.</summary>
public static class ServiceReport
{
    public static string Markdown(string environment, IReadOnlyList<ServiceProbe.Result> results, IReadOnlyList<(string Variable, bool Present)> credentials)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### services: {StepSummary.Escape(environment)}");
        text.AppendLine();
        text.AppendLine("| Service | Answers | Detail | Time | Address |");
        text.AppendLine("|---|---|---|---:|---|");
        foreach (var result in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Service} | {(result.Answers ? "yes" : "**no**")} | {StepSummary.Escape(result.Detail)} | {result.Elapsed.TotalMilliseconds:0} ms | {StepSummary.Escape(result.Url)} |");
        }
        text.AppendLine();
        text.AppendLine("| Credential | Set |");
        text.AppendLine("|---|---|");
        foreach (var (variable, present) in credentials)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {variable} | {(present ? "yes" : "no")} |");
        }
        return text.ToString();
    }
}

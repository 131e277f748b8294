using System.Globalization;
using System.Text;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>The job's other comments: what an unreadable ticket must say, the help text, and what was done.</summary>
public static class UnretireComments
{
    public const string NeedsInfoKind = "unretire-needs-info";
    public const string HelpKind = "unretire-help";
    public const string DoneKind = "unretire-done";

    public static string NeedsInfo(IReadOnlyList<string> problems, string bot, IReadOnlyList<long>? answers = null)
    {
        var text = new StringBuilder();
        text.AppendLine("### Unretirement request: more information needed");
        text.AppendLine();
        text.AppendLine("The unretirement bot could not read this request. It needs:");
        foreach (var problem in problems)
        {
            text.AppendLine($"- {problem}");
        }
        text.AppendLine();
        text.AppendLine("For example (title `Unretire rpms/python-pyte`):");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("Branches: rawhide f43");
        text.AppendLine("Review bug: 2300001   (only when retired more than 8 weeks ago)");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine($"Edit the ticket (or open a new one with `fedpkg request-unretirement`); the bot checks it again on its next run. `@{bot} help` explains the commands.");
        var body = text.ToString();
        var fields = new List<(string, string)> { (UnretireReport.HashField, UnretireReport.Hash(problems)) };
        if (answers is { Count: > 0 })
        {
            fields.Add((BotMarker.AnswersField, string.Join(',', answers.Select(a => a.ToString(CultureInfo.InvariantCulture)))));
        }
        return BotMarker.Append(body, NeedsInfoKind, fields.ToArray());
    }

    /// <summary>The answer to a <c>retry</c> from someone who may not ask for one.</summary>
    public static string RetryRefused(string relengGroup) =>
        $"only the requester or a member of the `{relengGroup}` group can ask for a retry.";

    /// <summary>The help text, at the end of the run's one answer to commands when someone asked for help.</summary>
    public static string HelpText(string bot, string relengGroup)
    {
        var text = new StringBuilder();
        text.AppendLine("The unretirement bot checks this ticket on every run and posts a new report only when the facts change.");
        text.AppendLine();
        text.AppendLine($"- `@{bot} retry`: check again now and post a fresh report even if nothing changed (the requester or a member of `{relengGroup}`).");
        text.AppendLine($"- `@{bot} help`: this text.");
        text.AppendLine();
        text.AppendLine("A report's verdict says what happens next: ✅ the bot unretires the package (reverts `dead.package`, unblocks it in Koji, " +
            "gives an orphaned package to the requester) and closes the ticket; ⏳ a review bug is needed; ❌ a release engineer has to look.");
        return text.ToString();
    }

    public static string Done(UnretireFacts facts, UnretireProgress progress)
    {
        var request = facts.Request;
        var text = new StringBuilder();
        text.AppendLine($"### Unretired `{request.Repo}`");
        text.AppendLine();
        foreach (var revert in progress.Reverts)
        {
            var commit = revert.Commit is { } hash ? $" ([`{hash[..Math.Min(10, hash.Length)]}`]({facts.CommitUrl(hash)}))" : "";
            text.AppendLine($"- git `{revert.Branch}`: {revert.Detail}{commit}");
        }
        foreach (var (tag, unblocked) in progress.Unblocked)
        {
            text.AppendLine(unblocked
                ? $"- Koji: unblocked `{request.Repo.Name}` in `{tag}`"
                : $"- Koji: `{request.Repo.Name}` was already unblocked in `{tag}`");
        }
        if (progress.NewMainAdmin is { } admin)
        {
            text.AppendLine($"- Owner: the package was orphaned; @{admin} is now its main admin");
        }
        text.AppendLine();
        text.AppendLine($"Package: {facts.ProjectUrl}. Builds can start once Koji has regenerated the build repositories (usually within an hour).");
        return BotMarker.Append(text.ToString(), DoneKind);
    }
}

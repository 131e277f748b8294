using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Releng.Jobs.Reviews;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// The report comment: a verdict line, a table per branch, the package and review facts, and (on a repost) what
/// changed. Its marker carries a hash of the facts (not of the wording, and not of ages in days, which change
/// every day), so the same facts are never posted twice, plus the facts themselves to say what changed next time.
/// </summary>
public static class UnretireReport
{
    public const string MarkerKind = "unretire-report";
    public const string HashField = "hash";
    public const string FactsField = "facts";

    /// <summary>The facts that matter, one <c>key: value</c> line each, in a stable order; the report's identity.</summary>
    public static IReadOnlyList<string> FactLines(UnretireFacts facts, UnretireAssessment assessment)
    {
        var lines = new List<string>();
        if (facts.Project is null)
        {
            lines.Add("dist-git: no such package");
        }
        else
        {
            lines.Add($"owner: {facts.Project.Owner}");
        }
        foreach (var branch in facts.Branches)
        {
            var state = !branch.Exists ? "missing"
                : !branch.IsRetired ? "not retired"
                : branch.Retirement is { } r ? $"retired by {r.Hash[..Math.Min(10, r.Hash.Length)]}{(r.IsHead ? "" : $", {r.CommitsAfter} commit(s) on top")}"
                : "retired";
            lines.Add($"{branch.Branch}: {state}");
            if (branch.Exists)
            {
                lines.Add($"{branch.Branch} koji: {KojiState(branch)}");
            }
        }
        // Only an unknown account adds a line, so reports of known accounts keep their hash.
        foreach (var (role, _, account) in Accounts(facts).Where(a => !a.Account.IsKnown))
        {
            lines.Add($"{role} account: unknown");
        }
        lines.Add($"re-review: {(facts.ReviewRequired ? "required" : "not required")}");
        lines.Add($"review bug: {ReviewState(facts)}");
        lines.Add($"verdict: {VerdictName(assessment.Verdict)}");
        return lines;
    }

    public static string Hash(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];

    /// <summary>The comment body with its marker. <paramref name="previous"/> is the last report's marker, if any.</summary>
    public static string Render(UnretireFacts facts, UnretireAssessment assessment, UnretirePhase phase, BotMarker? previous,
        IReadOnlyList<long>? answers = null)
    {
        var request = facts.Request;
        var lines = FactLines(facts, assessment);
        var text = new StringBuilder();
        text.AppendLine($"### Unretirement check: `{request.Repo}`");
        text.AppendLine();
        text.AppendLine($"**Verdict: {VerdictLine(facts, assessment, phase)}**");
        foreach (var refusal in assessment.Refusals)
        {
            text.AppendLine($"- {refusal.Message}");
        }
        if (assessment.Verdict == UnretireVerdict.NeedsReviewBug)
        {
            text.AppendLine($"- add the Bugzilla review bug to this ticket (a comment with `Review bug: <number>` will do); see {UnretirementReviewPolicy.ClaimingDocsUrl}");
        }
        text.AppendLine();

        var changes = previous is null ? [] : Changes(previous[FactsField], lines);
        if (changes.Count > 0)
        {
            text.AppendLine("What changed since the last report:");
            foreach (var change in changes)
            {
                text.AppendLine($"- {change}");
            }
            text.AppendLine();
        }

        text.AppendLine($"Requested by @{request.Requester} for {string.Join(", ", request.Branches.Select(b => $"`{b}`"))}" +
            (request.Recipient != request.Requester ? $", to be given to @{request.Recipient}." : "."));
        foreach (var (role, user, account) in Accounts(facts).Where(a => !a.Account.IsKnown))
        {
            text.AppendLine($"Fedora account of the {role} @{user} (is it a packager?): **unknown**: {account.UnknownBecause!.TrimEnd('.')}.");
        }
        text.AppendLine();
        if (facts.Project is { } project)
        {
            var owner = project.IsOrphaned
                ? $"**orphaned** (it will be given to @{request.Recipient})"
                : $"@{project.Owner}";
            var admins = project.Users.Admin.Count == 0 ? "none" : string.Join(", ", project.Users.Admin.Select(a => $"@{a}"));
            text.AppendLine($"Package: [{request.Repo}]({facts.ProjectUrl}); main admin: {owner}; admins: {admins}.");
            text.AppendLine();
        }
        foreach (var branch in facts.Branches)
        {
            text.AppendLine($"#### `{branch.Branch}`");
            text.AppendLine();
            text.AppendLine("| Check | Result |");
            text.AppendLine("|---|---|");
            text.AppendLine($"| Branch exists | {(branch.Exists ? "yes" : "**no**")} |");
            if (branch.Exists)
            {
                text.AppendLine($"| Retired (`dead.package`) | {(branch.IsRetired ? $"yes: {Cell(branch.DeadPackage!)}" : "no")} |");
                if (branch.Retirement is { } r)
                {
                    var age = branch.AgeDays(facts.Now)!.Value;
                    text.AppendLine($"| Retiring commit | [{AbbreviatedHash(r.Hash)}]({facts.CommitUrl(r.Hash)}) on {r.AuthorDate.UtcDateTime:yyyy-MM-dd}: {Cell(r.Subject)} |");
                    text.AppendLine($"| Branch head | {(r.IsHead ? "yes, the retiring commit" : $"**no**: {r.CommitsAfter} commit(s) on top")} |");
                    text.AppendLine($"| Age | {age} days: {AgeVerdict(branch, facts)} |");
                    text.AppendLine($"| Legal or license reason | {(UnretireAssessment.IsLegalReason(branch.DeadPackage) || UnretireAssessment.IsLegalReason(r.Message) ? "**yes**" : "no")} |");
                }
                text.AppendLine($"| Koji | {(branch.KojiTag is null ? "**no active release**" : $"`{branch.KojiTag}`: {KojiState(branch)}")} |");
            }
            text.AppendLine();
        }
        text.AppendLine($"Review bug: {ReviewText(facts)}");
        var body = text.ToString();
        var fields = new List<(string, string)> { (HashField, Hash(lines)), (FactsField, string.Join('\n', lines)) };
        if (answers is { Count: > 0 })
        {
            fields.Add((BotMarker.AnswersField, string.Join(',', answers.Select(a => a.ToString(CultureInfo.InvariantCulture)))));
        }
        return BotMarker.Append(body, MarkerKind, fields.ToArray());
    }

    /// <summary>The fact lines that differ from the previous report's, as "key: old → new".</summary>
    public static IReadOnlyList<string> Changes(string? previousFacts, IReadOnlyList<string> current)
    {
        if (previousFacts is null)
        {
            return [];
        }
        static Dictionary<string, string> Split(IEnumerable<string> lines) => lines
            .Select(l => l.Split(": ", 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        var before = Split(previousFacts.Split('\n'));
        var after = Split(current);
        var changes = new List<string>();
        foreach (var (key, value) in after)
        {
            if (!before.TryGetValue(key, out var old))
            {
                changes.Add($"{key}: {value} (new)");
            }
            else if (old != value)
            {
                changes.Add($"{key}: {old} → {value}");
            }
        }
        changes.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"{k}: no longer checked"));
        return changes;
    }

    public static string VerdictName(UnretireVerdict verdict) => verdict switch
    {
        UnretireVerdict.Ready => "ready",
        UnretireVerdict.ReadyWithReview => "ready with review",
        UnretireVerdict.NeedsReviewBug => "needs review bug",
        UnretireVerdict.AlreadyUnretired => "already unretired",
        UnretireVerdict.AccountsUnknown => "accounts unknown",
        _ => "refused",
    };

    private static string VerdictLine(UnretireFacts facts, UnretireAssessment assessment, UnretirePhase phase) => assessment.Verdict switch
    {
        UnretireVerdict.Ready => phase >= UnretirePhase.Recent
            ? "✅ every check passes; the bot unretires it now"
            : "✅ every check passes; a release engineer (or the bot, once automatic processing is on) can unretire it",
        UnretireVerdict.ReadyWithReview => phase >= UnretirePhase.All
            ? "✅ every check passes and the review bug is valid; the bot unretires it now"
            : "✅ every check passes and the review bug is valid; retirements over 8 weeks are unretired by a release engineer",
        UnretireVerdict.NeedsReviewBug => $"⏳ retired over 8 weeks ago: a new package review is needed",
        UnretireVerdict.AlreadyUnretired => "ℹ️ no requested branch is retired any more",
        UnretireVerdict.AccountsUnknown => "⏳ no check says no, but the Fedora accounts cannot be verified now (unknown below); left for release engineering, nothing is unretired until they are known",
        _ => $"❌ not unretired automatically ({assessment.Refusals.Count} problem(s)); left for release engineering",
    };

    /// <summary>The accounts the checks ask about: the requester, and the recipient when it is someone else.</summary>
    private static IEnumerable<(string Role, string User, AccountFact Account)> Accounts(UnretireFacts facts)
    {
        yield return ("requester", facts.Request.Requester, facts.Requester);
        if (facts.Request.Recipient != facts.Request.Requester)
        {
            yield return ("recipient", facts.Request.Recipient, facts.Recipient);
        }
    }

    private static string AgeVerdict(BranchFacts branch, UnretireFacts facts) =>
        branch.ReviewExempt ? "EPEL branch of a package alive in Fedora, no re-review needed"
        : UnretirementReviewPolicy.IsReviewRequired(branch.Retirement!.AuthorDate, facts.Now)
            ? "over 8 weeks (56 days), a re-review is needed"
            : "within 8 weeks (56 days), no re-review needed";

    private static string KojiState(BranchFacts branch) => branch.KojiTag is null ? "no tag"
        : branch.KojiBlocked switch { true => "blocked", false => "not blocked", null => "not in the package list" };

    private static string ReviewState(UnretireFacts facts) => facts.Request.ReviewBug is not { } id ? "none"
        : facts.Review is null ? $"{id} (not checked)"
        : !facts.Review.IsKnown ? $"{id} unknown"
        : facts.Review.IsValid ? $"{id} valid"
        : $"{id} invalid: {string.Join("; ", facts.Review.Problems.Select(p => p.Rule))}";

    private static string ReviewText(UnretireFacts facts)
    {
        if (facts.Request.ReviewBug is not { } id)
        {
            return facts.ReviewRequired ? "**none given** (needed: retired over 8 weeks ago)." : "not needed.";
        }
        var link = $"[{id}]({facts.ReviewBugUrl})";
        if (facts.Review is null)
        {
            return $"{link}, not needed (retired within 8 weeks).";
        }
        if (facts.Review.UnknownBecause is { } unknown)
        {
            return $"{link}: **unknown**: {unknown.TrimEnd('.')}; who created, approved and was assigned the review cannot be verified now.";
        }
        return facts.Review.IsValid
            ? $"{link} passes every review rule."
            : $"{link} fails: " + string.Join(" ", facts.Review.Problems.Select(p => p.Message.TrimEnd('.') + "."));
    }

    private static string AbbreviatedHash(string hash) => $"`{hash[..Math.Min(10, hash.Length)]}`";

    /// <summary>Untrusted text (a retirement reason) inside a table cell: the safe-echo code span, bounded.</summary>
    internal static string Cell(string text) =>
        SafeEcho.Code(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), 200, inTable: true);
}

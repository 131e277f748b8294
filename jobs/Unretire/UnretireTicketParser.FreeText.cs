using System.Text.RegularExpressions;
using Releng.Jobs.DistGit;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Hand-written requests, read as a release engineer reads them: the package from the title (<c>Unretire
/// rpms/python-pyte</c>), a <c>Package:</c> line, or a sentence (<c>Please unretire rpms/foo …</c>, <c>I'd like to
/// take over foo …</c>); the branches from a <c>Branches:</c> line, or the Fedora branches named anywhere in the
/// title and description (<c>… for branches: rawhide f43</c>, <c>… in rawhide</c>). A package without namespace is
/// an rpm; a ticket that names no branch means rawhide. What was understood, and from where, goes to the plan.
/// </summary>
public static partial class UnretireTicketParser
{
    /// <summary>Words that follow "unretire" or "take over" without being the package.</summary>
    private static readonly HashSet<string> NotAPackage = new(StringComparer.OrdinalIgnoreCase)
    {
        "request", "requests", "the", "a", "an", "package", "packages", "it", "this", "my", "of", "for", "please", "me", "ownership",
    };

    private static Fields ReadText(Ticket ticket)
    {
        string? target = null;
        string? targetSource = null;
        var titleBranches = new List<string>();
        if (TitlePattern().Match(ticket.Title) is { Success: true } title)
        {
            var rest = title.Groups["rest"].Value.Trim();
            var forPart = ForPattern().Match(rest);
            if (forPart.Success)
            {
                titleBranches.AddRange(SplitBranches(forPart.Groups["branches"].Value).Where(BranchName.IsStandard));
                rest = rest[..forPart.Index].Trim();
            }
            rest = rest.Trim('`', '"', '\'', ' ');
            if (rest.Length > 0 && !NotAPackage.Contains(rest))
            {
                (target, targetSource) = (rest, "the title");
            }
        }
        if (target is null && BodyPackagePattern().Match(ticket.Body) is { Success: true } inBody)
        {
            (target, targetSource) = (inBody.Groups["target"].Value.Trim('`', '"', '\''), "a Package: line");
        }
        if (target is null && (SentenceTarget(ticket.Title) ?? SentenceTarget(ticket.Body)) is { } spoken)
        {
            (target, targetSource) = (spoken, "a sentence");
        }

        var branchLine = BranchesLinePattern().Match(ticket.Body);
        var (branches, branchSource) = branchLine.Success
            ? (SplitBranches(branchLine.Groups["list"].Value), "a Branches: line")
            : titleBranches.Count > 0
                ? (titleBranches, "the title")
                : (Mentioned(ticket.Title + "\n" + ticket.Body), "the text");
        var user = UserLinePattern().Match(ticket.Body) is { Success: true } userLine ? userLine.Groups["user"].Value.Trim('`') : null;
        return new Fields(target, branches, null, user, targetSource, branches.Count > 0 ? branchSource : null);
    }

    /// <summary>The package of "unretire X", "take over X", "adopt X", "revive X", skipping filler words.</summary>
    private static string? SentenceTarget(string text)
    {
        foreach (Match match in SentencePattern().Matches(text))
        {
            var word = match.Groups["target"].Value.Trim('`', '"', '\'', '*', ',', '.', ';', ':', '!', '?', '(', ')');
            if (word.Length > 0 && !NotAPackage.Contains(word) && !BranchName.IsStandard(word))
            {
                return word;
            }
        }
        return null;
    }

    /// <summary>The Fedora branches (rawhide, fNN, epelN, epelN.M, epelN-next, eln) named anywhere, in order, each once.</summary>
    private static List<string> Mentioned(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.TrimEnd('.', '-')).Where(BranchName.IsStandard).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b(?:unretire|take\s+over|adopt|revive|unorphan)\s+(?:(?:the|a|package|of|please|my|ownership)\s+)*(?<target>[^\s]+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9.\-]*")]
    private static partial Regex WordPattern();
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Releng.Jobs.DistGit;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Reads an unretirement ticket, written by <c>fedpkg request-unretirement</c> (a JSON object in the description)
/// or by hand (<c>Unretire rpms/python-pyte</c> in the title, <c>Branches: rawhide f43</c> in the description).
/// Everything it takes from the ticket is checked against <see cref="DistGitName"/> before anything else sees it;
/// a bad value is refused with the rule it breaks, never cleaned up.
/// </summary>
public static partial class UnretireTicketParser
{
    public static UnretireTicketParse Parse(Ticket ticket)
    {
        var problems = new List<string>();
        var fields = ReadJson(ticket.Body) ?? ReadText(ticket);

        DistGitRepo? repo = null;
        if (fields.Target is null)
        {
            problems.Add("the package: put `Unretire <namespace>/<name>` in the title, e.g. `Unretire rpms/python-pyte`");
        }
        else
        {
            try
            {
                repo = fields.Target.Contains('/', StringComparison.Ordinal)
                    ? DistGitRepo.Parse(fields.Target)
                    : new DistGitRepo("rpms", fields.Target);
            }
            catch (DistGitNameException e)
            {
                problems.Add($"a valid package: {e.Message}");
            }
        }

        var branches = new List<string>();
        if (fields.Branches.Count == 0)
        {
            problems.Add("the branches: add a line such as `Branches: rawhide f43` to the description");
        }
        foreach (var branch in fields.Branches)
        {
            if (DistGitName.IsBranch(branch))
            {
                if (!branches.Contains(branch, StringComparer.Ordinal))
                {
                    branches.Add(branch);
                }
            }
            else
            {
                problems.Add($"valid branches: {new DistGitNameException("branch", branch, "expected letters, digits, '.', '-', '_', '+', not starting with '-' or '.'").Message}");
            }
        }

        var recipient = ticket.Author;
        if (fields.User is not null)
        {
            if (DistGitName.IsUser(fields.User))
            {
                recipient = fields.User;
            }
            else
            {
                problems.Add($"a valid user: {new DistGitNameException("user name", fields.User, "expected letters, digits, '.', '-', '_'").Message}");
            }
        }

        var bug = LatestReviewBug(ticket, fields.Bug);
        return problems.Count > 0 || repo is null
            ? new UnretireTicketParse(null, problems)
            : new UnretireTicketParse(new UnretireRequest(repo, branches, bug, ticket.Author, recipient) { Form = fields.Form }, []);
    }

    /// <summary>
    /// The review bug: the newest one the requester named, in the description or in a later comment (people add
    /// it after the report asks for it).
    /// </summary>
    private static int? LatestReviewBug(Ticket ticket, int? fromBody)
    {
        var bug = fromBody ?? FindBug(ticket.Body);
        foreach (var comment in ticket.Comments.Where(c => !c.IsSystem && c.Author == ticket.Author))
        {
            bug = FindBug(comment.Text) ?? bug;
        }
        return bug;
    }

    private static int? FindBug(string text)
    {
        var match = BugPattern().Matches(text).LastOrDefault();
        return match is null ? null : int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
    }

    private sealed record Fields(string? Target, IReadOnlyList<string> Branches, int? Bug, string? User, string Form = UnretireRequestForms.FreeText);

    private static Fields? ReadJson(string body)
    {
        var start = body.IndexOf('{', StringComparison.Ordinal);
        var end = body.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body[start..(end + 1)]);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var name = Text(root, "name", "package", "repo");
            if (name is null)
            {
                return null;
            }
            var ns = Text(root, "namespace", "type", "ns");
            var target = ns is null || name.Contains('/', StringComparison.Ordinal) ? name : $"{ns}/{name}";
            var branches = root.TryGetProperty("branches", out var list) || root.TryGetProperty("branch", out list)
                ? list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(b => b.ToString()).ToList()
                    : SplitBranches(list.ToString())
                : [];
            var bugText = Text(root, "review_bugzilla", "bug_id", "bug", "bz");
            int? bug = bugText is not null && int.TryParse(bugText.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id : bugText is null ? null : FindBug(bugText);
            var action = Text(root, "action");
            var form = action is null ? UnretireRequestForms.Json : UnretireRequestForms.Request(action);
            return new Fields(target, branches, bug, Text(root, "maintainer", "user", "fas"), form);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, params string[] names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                var text = value.ToString();
                if (text.Length > 0)
                {
                    return text;
                }
            }
        }
        return null;
    }

    private static Fields ReadText(Ticket ticket)
    {
        string? target = null;
        var titleBranches = new List<string>();
        if (TitlePattern().Match(ticket.Title) is { Success: true } title)
        {
            var rest = title.Groups["rest"].Value.Trim();
            var forPart = ForPattern().Match(rest);
            if (forPart.Success)
            {
                titleBranches.AddRange(SplitBranches(forPart.Groups["branches"].Value).Where(b => KnownBranchPattern().IsMatch(b)));
                rest = rest[..forPart.Index].Trim();
            }
            rest = rest.Trim('`', '"', '\'', ' ');
            if (rest.Length > 0)
            {
                target = rest;
            }
        }
        if (target is null && BodyPackagePattern().Match(ticket.Body) is { Success: true } inBody)
        {
            target = inBody.Groups["target"].Value.Trim('`', '"', '\'');
        }
        var branchLine = BranchesLinePattern().Match(ticket.Body);
        var branches = branchLine.Success ? SplitBranches(branchLine.Groups["list"].Value) : titleBranches;
        var user = UserLinePattern().Match(ticket.Body) is { Success: true } userLine ? userLine.Groups["user"].Value.Trim('`') : null;
        return new Fields(target, branches, null, user);
    }

    private static List<string> SplitBranches(string text) =>
        SeparatorPattern().Split(text)
            .Select(b => b.Trim('`', '"', '\'', '*'))
            .Where(b => b.Length > 0 && !string.Equals(b, "and", StringComparison.OrdinalIgnoreCase))
            .ToList();

    [GeneratedRegex(@"unretire(?:ment)?(?:\s+request)?(?:\s+(?:of|for))?(?:\s+package)?\s*[:\-]?\s*(?<rest>.*)\z",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"\s(?:for|in|on)\s+(?<branches>.+)\z", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ForPattern();

    [GeneratedRegex(@"^(?:rawhide|f\d+|epel\d+(?:\.\d+)?(?:-next)?|el\d+|eln)\z")]
    private static partial Regex KnownBranchPattern();

    [GeneratedRegex(@"^[ \t]*[-*]?[ \t]*\**(?:package|repo(?:sitory)?)\**[ \t]*[:=][ \t]*(?<target>[^\r\n]+?)[ \t]*\r?$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex BodyPackagePattern();

    [GeneratedRegex(@"^[ \t]*[-*]?[ \t]*\**branch(?:es)?\**[ \t]*[:=][ \t]*(?<list>[^\r\n]+)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex BranchesLinePattern();

    [GeneratedRegex(@"^[ \t]*[-*]?[ \t]*\**(?:user|maintainer|fas(?:[ \t]+account)?|new[ \t]+owner)\**[ \t]*[:=][ \t]*@?(?<user>[^\s]+)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex UserLinePattern();

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"(?:show_bug\.cgi\?id=|\b(?:rh)?bz[ \t]*#?[ \t]*:?[ \t]*|\bbug[ \t]*#?[ \t]*:?[ \t]*|\breview(?:[ \t]+bug)?[ \t]*:[ \t]*#?)(?<id>\d{5,9})\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex BugPattern();
}

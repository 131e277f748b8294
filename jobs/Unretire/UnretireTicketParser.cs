using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Releng.Jobs.DistGit;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Reads an unretirement ticket, written by <c>fedpkg request-unretirement</c> (a JSON object in the description)
/// or by hand (<c>Unretire rpms/python-pyte</c> in the title, <c>Branches: rawhide f43</c> in the description, or
/// sentences: <c>.FreeText.cs</c>).
/// Everything it takes from the ticket is checked against <see cref="DistGitName"/> before anything else sees it;
/// a bad value is refused with the rule it breaks, never cleaned up.
/// </summary>
public static partial class UnretireTicketParser
{
    public static UnretireTicketParse Parse(Ticket ticket)
    {
        var problems = new List<string>();
        var json = ReadJson(ticket.Body);
        if (json.Problem is { } jsonProblem)
        {
            return new UnretireTicketParse(null, [$"a readable request: {jsonProblem}"]);
        }
        var fields = json.Fields ?? ReadText(ticket);

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
        // A ticket that names no branch asks for rawhide (check-unretirement.py's default).
        var named = fields.Branches.Count > 0 ? fields.Branches : [DefaultBranch];
        foreach (var branch in named)
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
                problems.Add($"valid branches: {new DistGitNameException("branch", branch, BranchName.Problem(branch)!).Message}");
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
            : new UnretireTicketParse(new UnretireRequest(repo, branches, bug, ticket.Author, recipient, Reading(repo, fields, branches)) { Form = fields.Form }, []);
    }

    /// <summary>The branch a ticket that names none asks for.</summary>
    public const string DefaultBranch = "rawhide";

    /// <summary>What the parser understood and from where, in one line for the plan.</summary>
    private static string Reading(DistGitRepo repo, Fields fields, IReadOnlyList<string> branches)
    {
        var package = fields.Target!.Contains('/', StringComparison.Ordinal) ? $"{repo}" : $"{repo} (no namespace given: an rpm)";
        var onBranches = fields.BranchSource is null
            ? $"{DefaultBranch} (no branch named: the default)"
            : $"{string.Join(" ", branches)} (from {fields.BranchSource})";
        return $"package {package} from {fields.TargetSource ?? "the ticket"}; branches {onBranches}";
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

    /// <summary>What a ticket says; the sources say where it was read, for the plan.</summary>
    private sealed record Fields(
        string? Target, IReadOnlyList<string> Branches, int? Bug, string? User, string? TargetSource = null, string? BranchSource = null,
        string Form = UnretireRequestForms.FreeText);

    /// <summary>The keys each field may come under (fedpkg's and hand-written spellings); giving two of them is refused.</summary>
    private static readonly string[] NameKeys = ["name", "package", "repo"];
    private static readonly string[] NamespaceKeys = ["namespace", "type", "ns"];
    private static readonly string[] BranchKeys = ["branches", "branch"];
    private static readonly string[] BugKeys = ["review_bugzilla", "bug_id", "bug", "bz"];
    private static readonly string[] UserKeys = ["maintainer", "user", "fas"];

    private sealed record JsonFields(Fields? Fields, string? Problem);

    /// <summary>
    /// The fields of a JSON request, read strictly (<see cref="RequestJson"/>: no key twice, each of its type, one
    /// spelling per field); no fields when the body holds no JSON object naming a package (a hand-written ticket).
    /// </summary>
    private static JsonFields ReadJson(string body)
    {
        var parsed = RequestJson.Parse(body);
        if (parsed.Object is not { } json)
        {
            // A hand-written ticket may hold braces that are no JSON: it is read as text. JSON that breaks a rule is refused.
            return new JsonFields(null, parsed.IsJson ? parsed.Problem : null);
        }
        using (json)
        {
            var problem = json.WrongTypes(NameKeys.Concat(NamespaceKeys).Concat(UserKeys).Select(k => (k, new[] { JsonValueKind.String, JsonValueKind.Null }))
                .Concat(BugKeys.Select(k => (k, new[] { JsonValueKind.String, JsonValueKind.Number, JsonValueKind.Null })))
                .Concat(BranchKeys.Select(k => (k, new[] { JsonValueKind.Array, JsonValueKind.String }))))
                ?? OneSpelling(json, NameKeys) ?? OneSpelling(json, NamespaceKeys) ?? OneSpelling(json, BranchKeys)
                ?? OneSpelling(json, BugKeys) ?? OneSpelling(json, UserKeys);
            if (problem is null && json.TryGet(BranchKeys.FirstOrDefault(json.Has, "branches"), out var listed) && listed.ValueKind == JsonValueKind.Array
                && listed.EnumerateArray().FirstOrDefault(b => b.ValueKind != JsonValueKind.String) is { ValueKind: not JsonValueKind.Undefined } odd)
            {
                problem = $"every branch in `branches` must be a string, not {SafeEcho.Code(odd.GetRawText(), maxLength: 20)}";
            }
            if (problem is not null)
            {
                return new JsonFields(null, problem);
            }
            var name = Text(json, NameKeys);
            if (name is null)
            {
                return new JsonFields(null, null);
            }
            var ns = Text(json, NamespaceKeys);
            var target = ns is null || name.Contains('/', StringComparison.Ordinal) ? name : $"{ns}/{name}";
            var branches = json.TryGet("branches", out var list) || json.TryGet("branch", out list)
                ? list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(b => b.GetString()!).ToList()
                    : SplitBranches(list.GetString()!)
                : [];
            var bugText = Text(json, BugKeys);
            int? bug = bugText is not null && int.TryParse(bugText.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id : bugText is null ? null : FindBug(bugText);
            var action = json.Text("action");
            var form = action is null ? UnretireRequestForms.Json : UnretireRequestForms.Request(action);
            return new JsonFields(new Fields(target, branches, bug, Text(json, UserKeys), "the JSON request", branches.Count > 0 ? "the JSON request" : null, form), null);
        }
    }

    /// <summary>Refuses a field given under two spellings (<c>name</c> and <c>package</c>): which one counts would be a guess.</summary>
    private static string? OneSpelling(RequestJsonObject json, string[] keys)
    {
        var given = keys.Where(json.Has).ToList();
        return given.Count > 1
            ? $"{string.Join(" and ", given.Select(k => SafeEcho.Code(k)))} name the same thing; give one of them"
            : null;
    }

    private static string? Text(RequestJsonObject json, string[] keys)
    {
        foreach (var key in keys)
        {
            if (json.TryGet(key, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
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

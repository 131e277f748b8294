using System.Text.Json;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Reads the fenced JSON body <c>fedpkg request-repo</c> and <c>request-branch</c> file, in every shape they had
/// (<c>master</c> or <c>rawhide</c>, <c>bug_id</c> as a number, a string or <c>""</c>, optional <c>initial_commit</c>,
/// <c>exception</c>, <c>monitor</c>, <c>sls</c>), strictly (<see cref="RequestJson"/>: no key twice, each key of its
/// type, bounded size). Every name is checked against the dist-git rules here, before any other code sees it; a
/// failure is the sentence to post, never an exception.
/// </summary>
public static class ScmRequestParser
{
    /// <summary>The monitoring choices of the toddler's configuration (2018's three plus the 2025 additions).</summary>
    public static IReadOnlyList<string> MonitorChoices { get; } =
    [
        "no-monitoring", "monitoring", "monitoring-with-scratch", "monitoring-all", "monitoring-all-scratch",
        "monitoring-stable", "monitoring-stable-scratch",
    ];

    private static readonly string[] NewRepoFields = ["repo", "branch", "bug_id", "namespace", "monitor"];
    private static readonly string[] NewBranchFields = ["namespace", "branch", "repo"];

    /// <summary>The type each known key must have; a value of another type is refused with the key and its position.</summary>
    private static readonly (string Key, JsonValueKind[] Allowed)[] Types =
    [
        ("action", [JsonValueKind.String]),
        ("namespace", [JsonValueKind.String]),
        ("repo", [JsonValueKind.String]),
        ("branch", [JsonValueKind.String]),
        ("bug_id", [JsonValueKind.Number, JsonValueKind.String, JsonValueKind.Null]),
        ("monitor", [JsonValueKind.String]),
        ("exception", [JsonValueKind.True, JsonValueKind.Null]),
        ("initial_commit", [JsonValueKind.True, JsonValueKind.Null]),
        ("create_git_branch", [JsonValueKind.True, JsonValueKind.Null]),
        ("description", [JsonValueKind.String, JsonValueKind.Null]),
        ("summary", [JsonValueKind.String, JsonValueKind.Null]),
        ("upstreamurl", [JsonValueKind.String, JsonValueKind.Null]),
        ("sls", [JsonValueKind.Object, JsonValueKind.Null]),
    ];

    /// <summary>Tickets are small; anything longer is not a request (and is not worth parsing).</summary>
    public const int MaxBodyLength = RequestJson.MaxBodyLength;

    /// <summary>
    /// The request in <paramref name="body"/>, or why it is invalid: "Invalid ticket body: " and what is wrong (too long,
    /// broken JSON at line L, column C, a key given twice, a value of the wrong type, an unknown action). An
    /// unretirement request (an action naming an unretirement) is not refused: <see cref="ParsedTicket.HandledBy"/>
    /// says the unretire job handles it.
    /// </summary>
    public static ParsedTicket Parse(string body)
    {
        var parsed = RequestJson.Parse(body);
        if (parsed.Object is not { } json)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBodyBecause(parsed.Problem!));
        }
        using (json)
        {
            return Read(json);
        }
    }

    private static ParsedTicket Read(RequestJsonObject json)
    {
        if (json.WrongType("action", JsonValueKind.String) is { } actionType)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBodyBecause(actionType));
        }
        var actionText = json.Text("action");
        if (actionText is null)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBodyBecause("it names no `action` (expected `new_repo` or `new_branch`)"));
        }
        var action = actionText switch
        {
            "new_repo" => ScmAction.NewRepo,
            "new_branch" => ScmAction.NewBranch,
            _ => (ScmAction?)null,
        };
        if (action is null)
        {
            return UnretirementRequests.IsUnretirementAction(actionText)
                ? ParsedTicket.Unretirement(actionText)
                : ParsedTicket.Invalid(ScmMessages.InvalidBodyBecause(
                    $"unknown action {SafeEcho.Code(actionText)} (expected `new_repo` or `new_branch`)"));
        }
        if (json.WrongTypes(Types) is { } wrongType)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBodyBecause(wrongType));
        }
        var required = action == ScmAction.NewRepo ? NewRepoFields : NewBranchFields;
        if (required.FirstOrDefault(field => !json.Has(field)) is { } missing)
        {
            return ParsedTicket.Invalid(ScmMessages.MissingField(missing));
        }
        var ns = json.Text("namespace")!;
        var name = json.Text("repo")!;
        var branch = json.Text("branch")!;
        if (!DistGitName.IsNamespace(ns))
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidNamespace(ns));
        }
        if (!DistGitName.IsRepository(name))
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidRepositoryName);
        }
        if (!DistGitName.IsBranch(branch))
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBranchName(branch));
        }
        var repo = new DistGitRepo(ns, name);
        if (action == ScmAction.NewBranch)
        {
            return ParsedTicket.Valid(new ScmRequest(ScmAction.NewBranch, repo, branch));
        }

        json.TryGet("bug_id", out var bugElement);
        if (!TryBugId(bugElement, out var bugId))
        {
            return ParsedTicket.Invalid(ReviewMessages.InvalidBug);
        }
        var exception = Boolean(json, "exception", false);
        var initialCommit = Boolean(json, "initial_commit", true);
        var monitor = json.Text("monitor")!;
        if (!MonitorChoices.Contains(monitor))
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidMonitor(monitor));
        }
        var upstream = json.Text("upstreamurl");
        if (!string.IsNullOrEmpty(upstream)
            && !(Uri.TryCreate(upstream, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && upstream.All(c => !char.IsControl(c))))
        {
            upstream = null;
        }
        return ParsedTicket.Valid(new ScmRequest(ScmAction.NewRepo, repo, branch, bugId, exception, monitor, initialCommit,
            Clean(json.Text("description")), Clean(json.Text("summary")), string.IsNullOrEmpty(upstream) ? null : upstream));
    }

    private static bool Boolean(RequestJsonObject json, string name, bool fallback) =>
        json.TryGet(name, out var element) && element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : fallback;

    private static bool TryBugId(JsonElement element, out int? bugId)
    {
        bugId = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when element.TryGetInt32(out var number) && number > 0:
                bugId = number;
                return true;
            case JsonValueKind.String:
                var text = element.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return true;
                }
                if (text.Length <= 9 && text.All(char.IsAsciiDigit) && int.TryParse(text, out var parsed) && parsed > 0)
                {
                    bugId = parsed;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>Free text that becomes the project description: single line, bounded.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var line = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}

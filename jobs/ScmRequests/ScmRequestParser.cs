using System.Text.Json;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Reads the fenced JSON body <c>fedpkg request-repo</c> and <c>request-branch</c> file, in every shape they had
/// (<c>master</c> or <c>rawhide</c>, <c>bug_id</c> as a number, a string or <c>""</c>, optional <c>initial_commit</c>,
/// <c>exception</c>, <c>monitor</c>, <c>sls</c>). Every name is checked against the dist-git rules here, before any
/// other code sees it; a failure is the sentence to post, never an exception.
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

    /// <summary>Tickets are small; anything longer is not a request (and is not worth parsing).</summary>
    public const int MaxBodyLength = 20_000;

    public static ParsedTicket Parse(string body)
    {
        if (body.Length > MaxBodyLength)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBody);
        }
        // As fedscm-admin: strip the fence's backticks, then the newlines, then read JSON.
        var text = body.Trim().Trim('`').Trim();
        if (text.StartsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }
        text = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBody);
        }
        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Read(document.RootElement)
                : ParsedTicket.Invalid(ScmMessages.InvalidBody);
        }
    }

    private static ParsedTicket Read(JsonElement json)
    {
        var action = String(json, "action") switch
        {
            "new_repo" => ScmAction.NewRepo,
            "new_branch" => ScmAction.NewBranch,
            _ => (ScmAction?)null,
        };
        if (action is null)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBody);
        }
        var required = action == ScmAction.NewRepo ? NewRepoFields : NewBranchFields;
        if (required.FirstOrDefault(field => !json.TryGetProperty(field, out _)) is { } missing)
        {
            return ParsedTicket.Invalid(ScmMessages.MissingField(missing));
        }
        if (String(json, "namespace") is not { } ns || String(json, "repo") is not { } name || String(json, "branch") is not { } branch)
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBody);
        }
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

        if (!TryBugId(json.GetProperty("bug_id"), out var bugId))
        {
            return ParsedTicket.Invalid(ReviewMessages.InvalidBug);
        }
        if (!TryBoolean(json, "exception", false, out var exception) || !TryBoolean(json, "initial_commit", true, out var initialCommit))
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidBody);
        }
        var monitorElement = json.GetProperty("monitor");
        var monitor = monitorElement.ValueKind == JsonValueKind.String ? monitorElement.GetString()! : monitorElement.GetRawText();
        if (!MonitorChoices.Contains(monitor))
        {
            return ParsedTicket.Invalid(ScmMessages.InvalidMonitor(monitor));
        }
        var upstream = String(json, "upstreamurl");
        if (!string.IsNullOrEmpty(upstream)
            && !(Uri.TryCreate(upstream, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && upstream.All(c => !char.IsControl(c))))
        {
            upstream = null;
        }
        return ParsedTicket.Valid(new ScmRequest(ScmAction.NewRepo, repo, branch, bugId, exception, monitor, initialCommit,
            Clean(String(json, "description")), Clean(String(json, "summary")), string.IsNullOrEmpty(upstream) ? null : upstream));
    }

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryBoolean(JsonElement json, string name, bool fallback, out bool value)
    {
        value = fallback;
        if (!json.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = element.GetBoolean();
            return true;
        }
        return false;
    }

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

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>
/// WireMock.Net routes that answer like the real Pagure (API 0.31), over <see cref="PagureWorld"/>: the issue list
/// with its pagination quirks, issues, comments, status changes, assignment, custom fields, project info, whoami and
/// version, with Pagure's error bodies. Writes need <c>Authorization: token …</c>; a token acts as
/// <see cref="PagureWorld.UserForToken"/>. Reads without a token are anonymous and do not see private issues. The
/// routes sit at priority <see cref="RoutePriority"/>, so a test can put a fault in front of them.
/// </summary>
public sealed partial class PagureFake(SandboxWorld world) : IServiceFake
{
    public const int RoutePriority = 1000;
    public const string ApiVersion = "0.31";

    private const string InvalidInput = "Invalid or incomplete input submitted";
    private const string FieldRequired = "This field is required.";
    private const string NotAValidChoice = "Not a valid choice.";

    public string Service => Services.ServiceName.Pagure;

    private PagureWorld Pagure => world.Pagure;

    public void Map(WireMockServer server)
    {
        var json = new PagureFakeJson(world, server.Url!.TrimEnd('/') + "/");
        server
            .Given(Request.Create().WithPath(new WildcardMatcher("/api/0/*")).UsingAnyMethod())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(message =>
            {
                var request = PagureFakeRequest.From(message);
                lock (world.Sync)
                {
                    return Route(request, json);
                }
            }));
    }

    private ResponseMessage Route(PagureFakeRequest request, PagureFakeJson json)
    {
        var path = request.Path;
        var get = request.Method == "GET";
        var post = request.Method == "POST";
        if (path == "/api/0/-/whoami")
        {
            return post ? WhoAmI(request, json) : MethodNotAllowed();
        }
        if (path is "/api/0/-/version" or "/api/0/version")
        {
            return get ? Json(200, PagureFakeJson.Sorted(("version", ApiVersion))) : MethodNotAllowed();
        }
        if (IssuesPath().Match(path) is { Success: true } list)
        {
            return get ? ListIssues(list.Groups["project"].Value, request, json) : MethodNotAllowed();
        }
        if (IssuePath().Match(path) is { Success: true } issue)
        {
            var project = issue.Groups["project"].Value;
            var id = issue.Groups["id"].Value;
            return (issue.Groups["action"].Value, request.Method) switch
            {
                ("", "GET") => GetIssue(project, id, request, json),
                ("comment", "POST") => Write(request, json, project, user => AddComment(project, id, user, request, json)),
                ("status", "POST") => Write(request, json, project, user => ChangeStatus(project, id, user, request, json)),
                // Editing an issue takes a token of the project, as _check_token(repo) demands on the real server.
                ("assign", "POST") => Write(request, json, project, user => Assign(project, id, user, request, json),
                    needsProjectToken: true),
                ("custom", "POST") => Write(request, json, project,
                    user => SetCustomField(project, id, issue.Groups["field"].Value, user, request, json), needsProjectToken: true),
                _ => MethodNotAllowed(),
            };
        }
        if (ProjectPath().Match(path) is { Success: true } projectMatch && get)
        {
            var projectPath = projectMatch.Groups["project"].Value;
            return Pagure.Projects.TryGetValue(projectPath, out var state)
                ? Json(200, json.Project(projectPath, state))
                : Error(404, "ENOPROJECT", "Project not found");
        }
        return NotFound();
    }

    private ResponseMessage WhoAmI(PagureFakeRequest request, PagureFakeJson json) =>
        request.Token is { } token
            ? Json(200, PagureFakeJson.Sorted(("username", Pagure.UserForToken(token))))
            : InvalidToken(json);

    private ResponseMessage ListIssues(string project, PagureFakeRequest request, PagureFakeJson json)
    {
        if (!Pagure.Projects.TryGetValue(project, out var state))
        {
            return Error(404, "ENOPROJECT", "Project not found");
        }
        var perPage = 20;
        if (request.QueryValue("per_page") is { } perPageText
            && (!int.TryParse(perPageText, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > 100))
        {
            return Error(400, "EINVALIDPERPAGEVALUE", "The per_page value must be between 1 and 100");
        }
        var page = 1;
        if (request.QueryValue("page") is { } pageText
            && (!int.TryParse(pageText, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return Error(400, "EINVALIDREQ", InvalidInput);
        }
        var sinceText = request.QueryValue("since");
        DateTimeOffset? since = null;
        JsonNode? sinceEcho = null;
        if (sinceText is not null)
        {
            if (decimal.TryParse(sinceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                since = DateTimeOffset.UnixEpoch.AddSeconds((double)decimal.Truncate(seconds));
                sinceEcho = PagureFakeJson.Float(seconds);
            }
            else if (DateTimeOffset.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                         DateTimeStyles.AssumeUniversal, out var date))
            {
                since = date;
                sinceEcho = sinceText;
            }
            else
            {
                return Error(400, "EDATETIME", "Invalid datetime format");
            }
        }
        var status = request.QueryValue("status");
        var tags = request.QueryValues("tags");
        var wanted = tags.Where(tag => !tag.StartsWith('!')).ToList();
        var unwanted = tags.Where(tag => tag.StartsWith('!')).Select(tag => tag[1..]).ToList();
        var author = request.QueryValue("author");
        var assignee = request.QueryValue("assignee");
        var milestones = request.QueryValues("milestones");
        var order = request.QueryValue("order");
        var user = UserOf(request);

        var matching = state.Issues
            .Where(issue => CanSee(state, issue, user))
            .Where(issue => MatchesStatus(issue, status))
            .Where(issue => wanted.Count == 0 || issue.Tags.Intersect(wanted).Any())
            .Where(issue => !issue.Tags.Intersect(unwanted).Any())
            .Where(issue => author is null || issue.Author == author)
            .Where(issue => assignee is null || issue.Assignee == assignee)
            .Where(issue => milestones.Count == 0 || (issue.Milestone is { } milestone && milestones.Contains(milestone)))
            .Where(issue => since is null || issue.LastUpdated >= since)
            .OrderByDescending(issue => issue.DateCreated).ThenByDescending(issue => issue.Id)
            .ToList();
        if (string.Equals(order, "asc", StringComparison.OrdinalIgnoreCase))
        {
            matching.Reverse();
        }
        var pages = (matching.Count + perPage - 1) / perPage;
        var issues = matching.Skip((page - 1) * perPage).Take(perPage).ToList();

        string Link(int number)
        {
            var parameters = new List<(string, string)> { ("per_page", perPage.ToString(CultureInfo.InvariantCulture)) };
            // Pagure builds its links from a dict: a repeated parameter keeps its first value only.
            foreach (var key in new[] { "status", "tags", "since", "author", "assignee", "milestones", "order" })
            {
                if (request.QueryValue(key) is { } value)
                {
                    parameters.Add((key, value));
                }
            }
            parameters.Add(("page", number.ToString(CultureInfo.InvariantCulture)));
            return $"{json.BaseUrl}api/0/{project}/issues?" + string.Join("&", parameters.Select(p => $"{p.Item1}={LinkEscape(p.Item2)}"));
        }

        var body = PagureFakeJson.Sorted(
            ("args", PagureFakeJson.Sorted(
                ("assignee", assignee),
                ("author", author),
                ("milestones", PagureFakeJson.Strings(milestones)),
                ("no_stones", null),
                ("order", order),
                ("priority", null),
                ("since", sinceEcho),
                ("status", status),
                ("tags", PagureFakeJson.Strings(tags)))),
            ("issues", new JsonArray(issues.Select(issue => (JsonNode?)json.Issue(project, state, issue)).ToArray())),
            ("pagination", PagureFakeJson.Sorted(
                ("first", Link(1)),
                ("last", Link(pages)),
                ("next", page < pages ? Link(page + 1) : null),
                ("page", page),
                ("pages", pages),
                ("per_page", perPage),
                ("prev", page > 1 ? Link(page - 1) : null))),
            ("total_issues", issues.Count));
        return Json(200, body);
    }

    private ResponseMessage GetIssue(string project, string id, PagureFakeRequest request, PagureFakeJson json)
    {
        if (Find(project, id, UserOf(request), out var state, out var issue) is { } error)
        {
            return error;
        }
        var comments = request.QueryValue("comments")?.ToLowerInvariant() is not ("0" or "false");
        return Json(200, json.Issue(project, state!, issue!, comments));
    }

    private ResponseMessage AddComment(string project, string id, string user, PagureFakeRequest request, PagureFakeJson json)
    {
        if (Find(project, id, user, out _, out var issue) is { } error)
        {
            return error;
        }
        if (!request.Form.TryGetValue("comment", out var text) || string.IsNullOrWhiteSpace(text))
        {
            return InvalidRequest(("comment", FieldRequired));
        }
        var now = Now();
        issue!.Comments.Add(new PagureCommentState { Id = ++Pagure.LastCommentId, Author = user, Text = text, DateCreated = now });
        issue.LastUpdated = now;
        return Json(200, PagureFakeJson.Sorted(("avatar_url", json.AvatarUrl(user)), ("message", "Comment added"), ("user", user)));
    }

    private ResponseMessage ChangeStatus(string project, string id, string user, PagureFakeRequest request, PagureFakeJson json)
    {
        if (Find(project, id, user, out var state, out var issue) is { } error)
        {
            return error;
        }
        if (!IsCommitter(state!, user) && issue!.Assignee != user)
        {
            return NotAllowed();
        }
        var status = request.Form.GetValueOrDefault("status") ?? "";
        var closeStatus = request.Form.GetValueOrDefault("close_status") ?? "";
        var errors = new List<(string, string)>();
        if (status.Length == 0)
        {
            errors.Add(("status", FieldRequired));
        }
        else if (status is not ("Open" or "Closed") && !state!.CloseStatuses.Contains(status))
        {
            errors.Add(("status", NotAValidChoice));
        }
        if (closeStatus.Length > 0 && !state!.CloseStatuses.Contains(closeStatus))
        {
            errors.Add(("close_status", NotAValidChoice));
        }
        if (errors.Count > 0)
        {
            return InvalidRequest([.. errors]);
        }
        if (status != "Open" && status != "Closed")
        {
            closeStatus = status;
            status = "Closed";
        }
        var now = Now();
        var messages = new List<string>();
        if (status != issue!.Status)
        {
            messages.Add($"Issue status updated to: {status} (was: {issue.Status})");
            issue.Status = status;
            if (status == "Closed")
            {
                issue.ClosedAt = now;
                issue.ClosedBy = user;
            }
        }
        if (status == "Open")
        {
            // Reopening clears the close status without a message; closed_at and closed_by stay.
            issue.CloseStatus = null;
        }
        else if (closeStatus.Length > 0 && closeStatus != issue.CloseStatus)
        {
            messages.Add(issue.CloseStatus is null
                ? $"Issue close_status updated to: {closeStatus}"
                : $"Issue close_status updated to: {closeStatus} (was: {issue.CloseStatus})");
            issue.CloseStatus = closeStatus;
        }
        issue.LastUpdated = now;
        if (messages.Count == 0)
        {
            return Json(200, PagureFakeJson.Sorted(("message", "No changes")));
        }
        Notify(issue, user, messages, now);
        return Json(200, PagureFakeJson.Sorted(("message", PagureFakeJson.Strings(messages))));
    }

    private ResponseMessage Assign(string project, string id, string user, PagureFakeRequest request, PagureFakeJson json)
    {
        if (Find(project, id, user, out var state, out var issue) is { } error)
        {
            return error;
        }
        if (!IsCommitter(state!, user) && issue!.Assignee != user)
        {
            return NotAllowed();
        }
        var assignee = request.Form.GetValueOrDefault("assignee") is { Length: > 0 } name ? name : null;
        if (assignee == issue!.Assignee)
        {
            return Json(200, PagureFakeJson.Sorted(("message", "Nothing to change")));
        }
        var message = assignee is null
            ? "Assignee reset"
            : issue.Assignee is null ? $"Issue assigned to {assignee}" : $"Issue assigned to {assignee} (was: {issue.Assignee})";
        var now = Now();
        issue.Assignee = assignee;
        issue.LastUpdated = now;
        Notify(issue, user, [message], now);
        return Json(200, PagureFakeJson.Sorted(("message", message)));
    }

    private ResponseMessage SetCustomField(
        string project, string id, string field, string user, PagureFakeRequest request, PagureFakeJson json)
    {
        if (Find(project, id, user, out var state, out var issue) is { } error)
        {
            return error;
        }
        if (!IsCommitter(state!, user))
        {
            return NotAllowed();
        }
        if (!state!.CustomFields.ContainsKey(field))
        {
            return Error(400, "EINVALIDISSUEFIELD", "Invalid custom field submitted");
        }
        var value = request.Form.GetValueOrDefault("value") ?? "";
        var old = issue!.CustomFields.GetValueOrDefault(field);
        if ((value.Length == 0 && old is null) || value == old)
        {
            return Json(200, PagureFakeJson.Sorted(("message", "No changes")));
        }
        string message;
        if (value.Length == 0)
        {
            issue.CustomFields.Remove(field);
            message = $"Custom field {field} reset (from {old})";
        }
        else
        {
            issue.CustomFields[field] = value;
            message = old is null ? $"Custom field {field} adjusted to {value}" : $"Custom field {field} adjusted to {value} (was: {old})";
        }
        var now = Now();
        issue.LastUpdated = now;
        Notify(issue, user, [message], now);
        return Json(200, PagureFakeJson.Sorted(("message", message)));
    }

    /// <summary>
    /// Checks the token (a project token works on its own project only; some writes need one), runs a write, and logs
    /// it with its answer.
    /// </summary>
    private ResponseMessage Write(
        PagureFakeRequest request, PagureFakeJson json, string project, Func<string, ResponseMessage> write, bool needsProjectToken = false)
    {
        var user = request.Token is { } token ? Pagure.UserForToken(token) : null;
        var scope = request.Token is { } scoped ? Pagure.ProjectForToken(scoped) : null;
        var wrongScope = (scope is not null && scope != project) || (scope is null && needsProjectToken);
        var response = user is null ? InvalidToken(json) : wrongScope ? TokenNotForProject(json) : write(user);
        Pagure.Writes.Add(new PagureWrite
        {
            At = Pagure.LastWriteAt,
            User = user,
            Path = request.Path,
            Form = new(request.Form),
            Status = response.StatusCode is int code ? code : 200,
        });
        return response;
    }

    private ResponseMessage? Find(string project, string id, string? user, out PagureProjectState? state, out PagureIssueState? issue)
    {
        issue = null;
        if (!Pagure.Projects.TryGetValue(project, out state))
        {
            return Error(404, "ENOPROJECT", "Project not found");
        }
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || state.Issues.FirstOrDefault(candidate => candidate.Id == number) is not { } found)
        {
            return Error(404, "ENOISSUE", "Issue not found");
        }
        issue = found;
        return CanSee(state, found, user) ? null : NotAllowed();
    }

    private void Notify(PagureIssueState issue, string user, IEnumerable<string> messages, DateTimeOffset now) =>
        issue.Comments.Add(new PagureCommentState
        {
            Id = ++Pagure.LastCommentId,
            Author = user,
            Text = $"**Metadata Update from @{user}**:\n" +
                   string.Join("\n", messages.Order(StringComparer.Ordinal).Select(message => $"- {message}")),
            DateCreated = now,
            Notification = true,
        });

    /// <summary>Writes happen at the sandbox clock, a second apart, so their order shows in the timestamps.</summary>
    private DateTimeOffset Now()
    {
        var next = Pagure.LastWriteAt.AddSeconds(1);
        Pagure.LastWriteAt = world.Clock > next ? world.Clock : next;
        return Pagure.LastWriteAt;
    }

    private string? UserOf(PagureFakeRequest request) => request.Token is { } token ? Pagure.UserForToken(token) : null;

    private bool IsCommitter(PagureProjectState state, string? user) =>
        user is not null && (user == Pagure.Bot || user == state.Owner || state.Committers.Contains(user));

    private bool CanSee(PagureProjectState state, PagureIssueState issue, string? user) =>
        !issue.Private || (user is not null && (user == issue.Author || user == issue.Assignee || IsCommitter(state, user)));

    private static bool MatchesStatus(PagureIssueState issue, string? status) => status?.ToLowerInvariant() switch
    {
        null or "open" => issue.Status == "Open",
        "closed" => issue.Status == "Closed",
        "all" => true,
        _ => issue.Status == "Closed" && issue.CloseStatus == status,
    };

    private static string LinkEscape(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",").Replace("%21", "!").Replace("%3A", ":");

    private static ResponseMessage InvalidToken(PagureFakeJson json) => Json(401, PagureFakeJson.Sorted(
        ("error", $"Invalid or expired token. Please visit {json.BaseUrl}settings#nav-api-tab to get or renew your API token."),
        ("error_code", "EINVALIDTOK"),
        ("errors", "Invalid token")));

    /// <summary>The real server's answer to a token of another project, or to a user token where a project token is needed: no <c>errors</c>.</summary>
    private static ResponseMessage TokenNotForProject(PagureFakeJson json) => Json(401, PagureFakeJson.Sorted(
        ("error", $"Invalid or expired token. Please visit {json.BaseUrl}settings#nav-api-tab to get or renew your API token."),
        ("error_code", "EINVALIDTOK")));

    private static ResponseMessage NotAllowed() => Error(403, "EISSUENOTALLOWED", "You are not allowed to view this issue");

    private static ResponseMessage InvalidRequest(params (string Field, string Message)[] errors) => Json(400, PagureFakeJson.Sorted(
        ("error", InvalidInput),
        ("error_code", "EINVALIDREQ"),
        ("errors", PagureFakeJson.Sorted(errors.Select(error => (error.Field, (JsonNode?)PagureFakeJson.Strings([error.Message]))).ToArray()))));

    private static ResponseMessage Error(int status, string code, string error) =>
        Json(status, PagureFakeJson.Sorted(("error", error), ("error_code", code)));

    private static ResponseMessage Json(int status, JsonNode body) =>
        Text(status, "application/json", body.ToJsonString(PagureFakeJson.Options) + "\n");

    private static ResponseMessage NotFound() => Text(404, "text/html; charset=utf-8", "<h1>Not Found</h1>\n");

    private static ResponseMessage MethodNotAllowed() => Text(405, "text/html; charset=utf-8", "<h1>Method Not Allowed</h1>\n");

    private static ResponseMessage Text(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };

    [GeneratedRegex("^/api/0/(?<project>.+?)/issues$")]
    private static partial Regex IssuesPath();

    [GeneratedRegex("^/api/0/(?<project>.+?)/issue/(?<id>[^/]+)(?:/(?<action>comment|status|assign|custom)(?:/(?<field>[^/]+))?)?$")]
    private static partial Regex IssuePath();

    [GeneratedRegex("^/api/0/(?<project>[^-][^/]*(?:/[^/]+)?)$")]
    private static partial Regex ProjectPath();
}

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

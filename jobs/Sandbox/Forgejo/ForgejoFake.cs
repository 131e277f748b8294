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

namespace Releng.Jobs.Sandbox.Forgejo;

/// <summary>
/// WireMock.Net routes that answer like Forgejo v15's API v1 (Fedora Forge), over <see cref="ForgejoWorld"/>: issue
/// lists with <c>Link</c>, <c>X-Total-Count</c> and the silent page-size cap, issues and their comments, edits
/// (201, not 200), labels by id or name with exclusive scopes, repository and organization labels, <c>/user</c>,
/// <c>/settings/api</c> and <c>/version</c>. Quirks kept: pull requests in the issue list unless <c>type=issues</c>,
/// 404 for a repository the caller cannot read, 403 with an empty body when a handler's permission check fails,
/// assignees silently ignored for non-writers, <c>null</c> for empty assignees. Routes sit at
/// <see cref="RoutePriority"/>, so a test can put a fault in front of them.
/// </summary>
public sealed partial class ForgejoFake(SandboxWorld world) : IServiceFake
{
    public const int RoutePriority = 1000;

    public string Service => Services.ServiceName.Forge;

    private ForgejoWorld Forge => world.Forge;

    public void Map(WireMockServer server)
    {
        var json = new ForgejoFakeJson(world.Forge, server.Url!.TrimEnd('/') + "/");
        server
            .Given(Request.Create().WithPath(new WildcardMatcher("/api/v1/*")).UsingAnyMethod())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(message =>
            {
                var request = ForgejoFakeRequest.From(message);
                lock (world.Sync)
                {
                    var response = Route(request, json);
                    if (request.Method != "GET")
                    {
                        Forge.Writes.Add(new ForgejoWrite(Forge.LastWriteAt, request.Method, request.Path,
                            response.StatusCode is int status ? status : 0, UserOf(request)));
                    }
                    return response;
                }
            }));
    }

    private ResponseMessage Route(ForgejoFakeRequest request, ForgejoFakeJson json)
    {
        if (request.BadAuthorization || (request.Token is { } token && Forge.Tokens.TryGetValue(token, out var user) && user.Length == 0))
        {
            return Json(401, json.Error("invalid username, password or token"));
        }
        var (path, method) = (request.Path, request.Method);
        switch (path)
        {
            case "/api/v1/version":
                return method == "GET" ? Json(200, new JsonObject { ["version"] = ForgejoFakeJson.Version }) : MethodNotAllowed();
            case "/api/v1/settings/api":
                return method == "GET" ? Json(200, json.ApiSettings()) : MethodNotAllowed();
            case "/api/v1/user":
                return method != "GET" ? MethodNotAllowed()
                    : UserOf(request) is { } login ? Json(200, json.User(login))
                    : Json(401, json.Error("token is required"));
        }
        if (OrgLabelsPath().Match(path) is { Success: true } org)
        {
            return method == "GET" ? OrgLabels(org.Groups["org"].Value, request, json) : MethodNotAllowed();
        }
        if (RepoPath().Match(path) is not { Success: true } repo)
        {
            return Json(404, json.NotFound());
        }
        var repoPath = $"{repo.Groups["owner"].Value}/{repo.Groups["repo"].Value}";
        if (!Forge.CanRead(repoPath, UserOf(request)))
        {
            return Json(404, json.NotFound());
        }
        var rest = repo.Groups["rest"].Value;
        if (rest == "/labels")
        {
            return method == "GET" ? RepoLabels(repoPath, request, json) : MethodNotAllowed();
        }
        if (rest == "/issues")
        {
            return method == "GET" ? ListIssues(repoPath, request, json) : MethodNotAllowed();
        }
        if (IssuePath().Match(rest) is not { Success: true } issuePath)
        {
            return Json(404, json.NotFound());
        }
        if (!int.TryParse(issuePath.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || Forge.Repos[repoPath].Issues.FirstOrDefault(issue => issue.Number == index) is not { } found)
        {
            return Json(404, json.NotFound());
        }
        var action = issuePath.Groups["action"].Value;
        var label = issuePath.Groups["label"].Value;
        return (action, method) switch
        {
            ("", "GET") => Json(200, json.Issue(repoPath, found)),
            ("", "PATCH") => Signed(request, json, login => EditIssue(repoPath, found, login, request, json)),
            ("/comments", "GET") => ListComments(repoPath, found, json),
            ("/comments", "POST") => Signed(request, json, login => AddComment(repoPath, found, login, request, json)),
            ("/labels", "GET") => Json(200, json.Labels(repoPath, found.Labels)),
            ("/labels", "POST") => Signed(request, json, login => AddLabels(repoPath, found, login, request, json)),
            ("/labels/", "DELETE") => Signed(request, json, login => RemoveLabel(repoPath, found, login, Uri.UnescapeDataString(label), json)),
            _ => MethodNotAllowed(),
        };
    }

    private ResponseMessage Signed(ForgejoFakeRequest request, ForgejoFakeJson json, Func<string, ResponseMessage> write) =>
        UserOf(request) is { } login ? write(login) : Json(401, json.Error("token is required"));

    private string? UserOf(ForgejoFakeRequest request) => request.Token is { } token ? Forge.UserForToken(token) : null;

    /// <summary>Writes happen at the sandbox clock, a second apart, so their order shows in the timestamps.</summary>
    private DateTimeOffset Now()
    {
        var next = Forge.LastWriteAt.AddSeconds(1);
        Forge.LastWriteAt = world.Clock > next ? world.Clock : next;
        return Forge.LastWriteAt;
    }

    /// <summary><c>page</c> (≤ 0 → 1) and <c>limit</c> (absent or ≤ 0 → the default, above the cap → the cap).</summary>
    private (int Page, int Limit) Paging(ForgejoFakeRequest request)
    {
        var page = int.TryParse(request.QueryValue("page"), CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(request.QueryValue("limit"), CultureInfo.InvariantCulture, out var l) && l > 0 ? l : Forge.DefaultPagingNum;
        return (page, Math.Min(limit, Forge.MaxResponseItems));
    }

    private static ResponseMessage Json(int status, JsonNode body, Dictionary<string, string>? headers = null)
    {
        var response = Text(status, "application/json;charset=utf-8", body.ToJsonString(ForgejoFakeJson.Options) + "\n");
        foreach (var (name, value) in headers ?? [])
        {
            response.Headers![name] = new WireMockList<string>(value);
        }
        return response;
    }

    /// <summary>A permission check inside a handler: Forgejo answers 403 with no body at all.</summary>
    private static ResponseMessage EmptyForbidden() => new() { StatusCode = 403, Headers = new Dictionary<string, WireMockList<string>>() };

    private static ResponseMessage NoContent() => new() { StatusCode = 204, Headers = new Dictionary<string, WireMockList<string>>() };

    private static ResponseMessage MethodNotAllowed() => Text(405, "text/plain; charset=utf-8", "Method Not Allowed\n");

    private static ResponseMessage Text(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };

    [GeneratedRegex("^/api/v1/orgs/(?<org>[^/]+)/labels$")]
    private static partial Regex OrgLabelsPath();

    [GeneratedRegex("^/api/v1/repos/(?<owner>[^/]+)/(?<repo>[^/]+)(?<rest>/.*)?$")]
    private static partial Regex RepoPath();

    [GeneratedRegex("^/issues/(?<index>[^/]+)(?<action>/comments|/labels/?)?(?<label>(?<=/labels/)[^/]+)?$")]
    private static partial Regex IssuePath();
}

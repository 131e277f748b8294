using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.Bugzilla;

/// <summary>
/// WireMock.Net routes that answer like Red Hat Bugzilla's REST API (Bugzilla 5), over <see cref="BugzillaWorld"/>:
/// <c>GET /rest/bug/{id}</c>, <c>GET</c> and <c>POST /rest/bug/{id}/comment</c>, <c>GET /rest/whoami</c>. Errors are Bugzilla's error object
/// with Bugzilla's HTTP status mapping (101 → 404; 102, 410 → 401; others → 400). Anonymous callers see e-mail
/// addresses cut at the <c>@</c>, as Bugzilla filters them, and cannot comment.
/// </summary>
public sealed class BugzillaFake(SandboxWorld world) : IServiceFake
{
    /// <summary>Routes sit at this priority so a test can put a higher-priority (lower number) mapping in front.</summary>
    public const int RoutePriority = 100;

    public const int MaxCommentLength = 65_535;

    public string Service => Services.ServiceName.Bugzilla;

    private BugzillaWorld Bugzilla => world.Bugzilla;

    public void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/rest/bug/[^/]+$")).UsingGet())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(GetBug));
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/rest/bug/[^/]+/comment$")).UsingGet())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(GetComments));
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/rest/bug/[^/]+/comment$")).UsingPost())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(AddComment));
        server.Given(Request.Create().WithPath("/rest/whoami").UsingGet())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(WhoAmI));
        // What `GET /rest/version` answers on Bugzilla 5.1 (the release that added /rest/whoami): the service check asks it.
        server.Given(Request.Create().WithPath("/rest/version").UsingGet())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"version\":\"5.1.0\"}"));
    }

    private ResponseMessage GetBug(IRequestMessage request)
    {
        lock (world.Sync)
        {
            if (!TryFindBug(request, out var bug, out var error))
            {
                return error;
            }
            var show = EmailView(request);
            var body = new JsonObject
            {
                ["faults"] = new JsonArray(),
                ["bugs"] = new JsonArray(BugJson(bug, show)),
            };
            return Json(HttpStatusCode.OK, body);
        }
    }

    private ResponseMessage GetComments(IRequestMessage request)
    {
        lock (world.Sync)
        {
            if (!TryFindBug(request, out var bug, out var error))
            {
                return error;
            }
            var show = EmailView(request);
            var comments = new JsonArray(bug.Comments.Select(c => (JsonNode)CommentJson(bug, c, show)).ToArray());
            var body = new JsonObject
            {
                ["bugs"] = new JsonObject
                {
                    [bug.Id.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["comments"] = comments },
                },
                ["comments"] = new JsonObject(),
            };
            return Json(HttpStatusCode.OK, body);
        }
    }

    private ResponseMessage AddComment(IRequestMessage request)
    {
        lock (world.Sync)
        {
            if (!TryFindBug(request, out var bug, out var error))
            {
                return error;
            }
            if (ApiKey(request) is null)
            {
                return Error(410, "You must log in before using this part of Bugzilla.");
            }
            var text = CommentText(request.Body);
            if (string.IsNullOrWhiteSpace(text))
            {
                return Error(50, "The function Bug.add_comment requires a comment argument, and that argument was not set.");
            }
            if (text.Length > MaxCommentLength)
            {
                return Error(114, "Comments cannot be longer than 65,535 characters.");
            }
            var comment = new CommentRecord
            {
                Id = Bugzilla.NextCommentId++,
                Count = bug.Comments.Count,
                Text = text,
                Creator = Bugzilla.ApiUser,
                CreationTime = world.Clock,
            };
            bug.Comments.Add(comment);
            bug.LastChangeTime = world.Clock;
            return Json(HttpStatusCode.Created, new JsonObject { ["id"] = comment.Id });
        }
    }

    /// <summary>Any key belongs to the scenario's API user; anonymously Bugzilla asks for a login.</summary>
    private ResponseMessage WhoAmI(IRequestMessage request)
    {
        lock (world.Sync)
        {
            if (ApiKey(request) is null)
            {
                return Error(410, "You must log in before using this part of Bugzilla.");
            }
            return Json(HttpStatusCode.OK, new JsonObject
            {
                ["id"] = BugzillaWorld.ApiUserId,
                ["real_name"] = Bugzilla.ApiUserRealName,
                ["name"] = Bugzilla.ApiUser,
            });
        }
    }

    private bool TryFindBug(IRequestMessage request, out BugRecord bug, out ResponseMessage error)
    {
        var segment = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[2];
        bug = null!;
        error = null!;
        if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            // Not a number: Bugzilla looks for an alias; the sandbox has none.
            error = Error(100, $"'{Uri.UnescapeDataString(segment)}' is not a valid bug number nor an alias to a bug.");
            return false;
        }
        if (Bugzilla.Find(id) is not { } found)
        {
            error = Error(101, $"Bug #{id} does not exist.");
            return false;
        }
        bug = found;
        return true;
    }

    private static JsonObject BugJson(BugRecord bug, Func<string, string> show) => new()
    {
        ["id"] = bug.Id,
        ["alias"] = new JsonArray(),
        ["summary"] = bug.Summary,
        ["status"] = bug.Status,
        ["resolution"] = bug.Resolution,
        ["is_open"] = bug.Status is not ("CLOSED" or "VERIFIED" or "RELEASE_PENDING"),
        ["product"] = bug.Product,
        ["component"] = new JsonArray(bug.Component.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["version"] = new JsonArray(JsonValue.Create(bug.Version)),
        ["creator"] = show(bug.Creator),
        ["creator_detail"] = PersonJson(bug.Creator, show),
        ["assigned_to"] = show(bug.AssignedTo),
        ["assigned_to_detail"] = PersonJson(bug.AssignedTo, show),
        ["creation_time"] = Time(bug.CreationTime),
        ["last_change_time"] = Time(bug.LastChangeTime),
        ["flags"] = new JsonArray(bug.Flags.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Id,
            ["type_id"] = f.TypeId,
            ["name"] = f.Name,
            ["status"] = f.Status,
            ["setter"] = show(f.Setter),
            ["creation_date"] = Time(f.CreationDate),
            ["modification_date"] = Time(f.ModificationDate),
        }).ToArray()),
    };

    private static JsonObject PersonJson(string email, Func<string, string> show) => new()
    {
        ["email"] = show(email),
        ["name"] = show(email),
        ["real_name"] = "",
    };

    private static JsonObject CommentJson(BugRecord bug, CommentRecord c, Func<string, string> show) => new()
    {
        ["id"] = c.Id,
        ["bug_id"] = bug.Id,
        ["count"] = c.Count,
        ["attachment_id"] = null,
        ["text"] = c.Text,
        ["creator"] = show(c.Creator),
        ["creation_time"] = Time(c.CreationTime),
        ["time"] = Time(c.CreationTime),
        ["is_private"] = c.IsPrivate,
        ["tags"] = new JsonArray(),
    };

    /// <summary>Bugzilla's datetime format: UTC, seconds, <c>Z</c>.</summary>
    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Logged-in callers see e-mails; anonymous ones see them without their domain.</summary>
    private static Func<string, string> EmailView(IRequestMessage request) =>
        ApiKey(request) is null ? email => email.Split('@')[0] : email => email;

    /// <summary>Any non-empty key logs in: <c>Authorization: Bearer</c> (Red Hat), or upstream's header or parameter.</summary>
    private static string? ApiKey(IRequestMessage request)
    {
        var authorization = Header(request, "Authorization");
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } key ? key : null;
        }
        if (Header(request, "X-BUGZILLA-API-KEY") is { Length: > 0 } headerKey)
        {
            return headerKey;
        }
        return request.Query?.TryGetValue("api_key", out var values) == true && values.FirstOrDefault() is { Length: > 0 } queryKey
            ? queryKey
            : null;
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string? CommentText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(body)?["comment"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Bugzilla's error object with the HTTP status its REST layer maps the code to.</summary>
    private static ResponseMessage Error(int code, string message)
    {
        var status = code switch
        {
            51 or 101 or 32614 => HttpStatusCode.NotFound,
            102 or 106 or 109 or 110 or 113 or 115 or 120 or (>= 300 and <= 304) or 410 or 504 or 505 => HttpStatusCode.Unauthorized,
            _ => HttpStatusCode.BadRequest,
        };
        return Json(status, new JsonObject
        {
            ["error"] = true,
            ["code"] = code,
            ["message"] = message,
            ["documentation"] = "https://bugzilla.redhat.com/docs/en/html/api/index.html",
        });
    }

    private static ResponseMessage Json(HttpStatusCode status, JsonNode body) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
        BodyData = new BodyData
        {
            BodyAsString = body.ToJsonString(),
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        },
    };
}

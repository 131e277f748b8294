using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Releng.Jobs.Sandbox.Scenarios;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.Accounts;

/// <summary>
/// WireMock.Net routes that answer like FASJSON v1 over the scenario's <c>people:</c>: <c>{"result": …}</c>
/// envelopes, <c>page</c> objects when <c>page_size</c> is asked for, FASJSON's 404 bodies, <c>is-member</c>
/// without a trailing slash, the search's 400s (no term, a term under 3 characters, a page size outside 1–40), and
/// its substring match on e-mails. Each person is in <c>packager</c> when marked so and in its listed groups. The
/// sandbox needs no Kerberos: the routes take any caller, as FASJSON behind Apache takes any valid ticket.
/// </summary>
public sealed partial class FasjsonFake(SandboxWorld world) : IServiceFake
{
    private const string PackagerGroup = "packager";

    public string Service => Services.ServiceName.Fasjson;

    [GeneratedRegex("^/v1/users/(?<user>[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})/$")]
    private static partial Regex UserPath();

    [GeneratedRegex("^/v1/groups/(?<group>[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})/members/$")]
    private static partial Regex MembersPath();

    [GeneratedRegex("^/v1/groups/(?<group>[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})/is-member/(?<user>[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})$")]
    private static partial Regex IsMemberPath();

    [GeneratedRegex("^/v1/groups/(?<group>[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})/$")]
    private static partial Regex GroupPath();

    public void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v1/.*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Answer));
        server.Given(Request.Create().WithPath("/specs/v1.json").UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => Json(HttpStatusCode.OK,
                new JsonObject { ["swagger"] = "2.0", ["info"] = new JsonObject { ["title"] = "FAS-JSON", ["version"] = "1.0" } })));
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        var path = request.Path;
        lock (world.Sync)
        {
            if (path == "/v1/me/")
            {
                return Result(new JsonObject
                {
                    ["dn"] = "krbprincipalname=releng-bot/sandbox@SANDBOX,cn=services,cn=accounts,dc=sandbox",
                    ["username"] = null, ["service"] = "releng-bot/sandbox", ["uri"] = null,
                });
            }
            if (path == "/v1/search/users/")
            {
                return SearchUsers(request);
            }
            if (UserPath().Match(path) is { Success: true } user)
            {
                var name = user.Groups["user"].Value;
                return world.People.TryGetValue(name, out var person)
                    ? Result(UserJson(request, name, person))
                    : Json(HttpStatusCode.NotFound, new JsonObject { ["name"] = name, ["message"] = "User not found" });
            }
            if (IsMemberPath().Match(path) is { Success: true } membership)
            {
                var group = membership.Groups["group"].Value;
                var name = membership.Groups["user"].Value;
                return GroupExists(group)
                    ? Result(world.People.TryGetValue(name, out var person) && InGroup(person, group))
                    : GroupNotFound(group);
            }
            if (MembersPath().Match(path) is { Success: true } members)
            {
                var group = members.Groups["group"].Value;
                if (!GroupExists(group))
                {
                    return GroupNotFound(group);
                }
                var rows = world.People.Where(p => InGroup(p.Value, group)).Select(p => p.Key).Order(StringComparer.Ordinal)
                    .Select(u => (JsonNode)new JsonObject { ["username"] = u, ["uri"] = $"{Root(request)}/v1/users/{u}/" }).ToList();
                return Paged(request, rows, maxPageSize: null);
            }
            if (GroupPath().Match(path) is { Success: true } groupPath)
            {
                var group = groupPath.Groups["group"].Value;
                return GroupExists(group)
                    ? Result(new JsonObject
                    {
                        ["groupname"] = group, ["description"] = null, ["mailing_list"] = null, ["url"] = null,
                        ["irc"] = new JsonArray(), ["discussion_url"] = null, ["uri"] = $"{Root(request)}/v1/groups/{group}/",
                    })
                    : GroupNotFound(group);
            }
            // Flask's own 404 for a path without a route (a name outside FASJSON's pattern, too).
            return Json(HttpStatusCode.NotFound, new JsonObject
            {
                ["message"] = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
            });
        }
    }

    private ResponseMessage SearchUsers(IRequestMessage request)
    {
        var email = Query(request, "email");
        var username = Query(request, "username");
        if (email is null && username is null)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["message"] = "At least one search term must be provided." });
        }
        foreach (var (term, value) in new[] { ("email", email), ("username", username) })
        {
            if (value is { Length: < 3 })
            {
                return Json(HttpStatusCode.BadRequest, new JsonObject
                {
                    ["message"] = "Search term must be at least 3 characters long.", ["search_term"] = term, ["search_value"] = value,
                });
            }
        }
        // LDAP substring matches, case-insensitive: a search finds more than the exact address.
        var rows = world.People
            .Where(p => email is null || p.Value.EmailOr(p.Key).Contains(email, StringComparison.OrdinalIgnoreCase))
            .Where(p => username is null || p.Key.Contains(username, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (JsonNode)UserJson(request, p.Key, p.Value)).ToList();
        return Paged(request, rows, maxPageSize: 40, defaultPageSize: 40);
    }

    private ResponseMessage Paged(IRequestMessage request, List<JsonNode> rows, int? maxPageSize, int? defaultPageSize = null)
    {
        var sizeText = Query(request, "page_size");
        var numberText = Query(request, "page_number");
        int? size = sizeText is null ? defaultPageSize : int.TryParse(sizeText, CultureInfo.InvariantCulture, out var s) ? s : -1;
        var number = numberText is null ? 1 : int.TryParse(numberText, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (size < 0 || number < 1)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject
            {
                ["errors"] = new JsonObject { [size < 0 ? "page_size" : "page_number"] = "invalid literal for int() with base 10" },
                ["message"] = "Input payload validation failed",
            });
        }
        if (maxPageSize is { } max && (size is null or 0 || size > max))
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject
            {
                ["message"] = $"Page size must be between 1 and {max} when searching.", ["page_size"] = size,
            });
        }
        if (size is null or 0)
        {
            return Json(HttpStatusCode.OK, new JsonObject { ["result"] = new JsonArray(rows.Select(r => r.DeepClone()).ToArray()) });
        }
        var pages = Math.Max(1, (rows.Count + size.Value - 1) / size.Value);
        var page = new JsonObject
        {
            ["total_results"] = rows.Count, ["page_size"] = size, ["page_number"] = number, ["total_pages"] = pages,
        };
        if (number < pages)
        {
            page["next_page"] = $"{Root(request)}{request.Path}?page_size={size}&page_number={number + 1}";
        }
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["result"] = new JsonArray(rows.Skip((number - 1) * size.Value).Take(size.Value).Select(r => r.DeepClone()).ToArray()),
            ["page"] = page,
        });
    }

    /// <summary>Every key FASJSON's user model has; what the scenario does not say is null or empty, as in FASJSON.</summary>
    private static JsonObject UserJson(IRequestMessage request, string user, PersonScenario person) => new()
    {
        ["username"] = user,
        ["surname"] = null,
        ["givenname"] = null,
        ["human_name"] = person.Fullname,
        ["emails"] = new JsonArray(person.EmailOr(user)),
        ["ircnicks"] = new JsonArray(),
        ["locale"] = "en-US",
        ["timezone"] = "UTC",
        ["gpgkeyids"] = new JsonArray(),
        ["sshpubkeys"] = new JsonArray(),
        ["certificates"] = new JsonArray(),
        ["creation"] = "2020-03-09T10:32:03+00:00",
        ["is_private"] = false,
        ["locked"] = false,
        ["github_username"] = null,
        ["gitlab_username"] = null,
        ["pronouns"] = new JsonArray(),
        ["rhbzemail"] = null,
        ["website"] = null,
        ["rssurl"] = null,
        ["websites"] = new JsonArray(),
        ["rssurls"] = new JsonArray(),
        ["uri"] = $"{Root(request)}/v1/users/{user}/",
    };

    private bool GroupExists(string group) =>
        group == PackagerGroup || world.People.Values.Any(p => p.Groups.Contains(group, StringComparer.Ordinal));

    // FAS lists packagers as members of the packager group; scenarios say it with a flag.
    private static bool InGroup(PersonScenario person, string group) =>
        (group == PackagerGroup && person.Packager) || person.Groups.Contains(group, StringComparer.Ordinal);

    private static ResponseMessage GroupNotFound(string group) =>
        Json(HttpStatusCode.NotFound, new JsonObject { ["groupname"] = group, ["message"] = "Group not found" });

    private static ResponseMessage Result(JsonNode? result) => Json(HttpStatusCode.OK, new JsonObject { ["result"] = result });

    // Behind a proxy the URIs would name the public host; the forwarded Host header keeps them right.
    private static string Root(IRequestMessage request) =>
        request.Headers?.TryGetValue("X-Forwarded-Host", out var forwarded) == true && forwarded.FirstOrDefault() is { } host
            ? $"{request.Origin.Split("://")[0]}://{host.Split(',')[0].Trim()}"
            : request.Origin;

    private static string? Query(IRequestMessage request, string key) =>
        request.Query?.TryGetValue(key, out var values) == true ? values.FirstOrDefault() : null;

    private static ResponseMessage Json(HttpStatusCode status, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData
            {
                BodyAsString = body.ToJsonString(),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }
}

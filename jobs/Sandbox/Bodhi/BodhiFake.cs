using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Releng.Jobs.Sandbox.Bodhi;

/// <summary>
/// WireMock.Net routes that answer like Bodhi's <c>GET /releases/</c>, over <see cref="BodhiWorld"/>: filters
/// <c>exclude_archived</c>, <c>state</c>, <c>name</c>; paging by <c>page</c> and <c>rows_per_page</c> (default 20);
/// invalid parameters get Bodhi's 400 <c>{"status":"error","errors":[…]}</c>.
/// </summary>
public sealed class BodhiFake(SandboxWorld world) : IServiceFake
{
    public const int RoutePriority = 100;
    public const int DefaultRowsPerPage = 20;
    private static readonly string[] States = ["disabled", "pending", "frozen", "current", "archived"];

    public string Service => Services.ServiceName.Bodhi;

    public void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath("/releases/").UsingGet())
            .AtPriority(RoutePriority)
            .RespondWith(Response.Create().WithCallback(ListReleases));
    }

    private ResponseMessage ListReleases(IRequestMessage request)
    {
        var errors = new JsonArray();
        var excludeArchived = Boolean(request, "exclude_archived", errors);
        var state = Query(request, "state");
        if (state is not null && !States.Contains(state))
        {
            errors.Add(QueryError("state", $"\"{state}\" is not one of {string.Join(", ", States)}"));
        }
        var name = Query(request, "name");
        var page = Integer(request, "page", 1, 1, int.MaxValue, errors);
        var rowsPerPage = Integer(request, "rows_per_page", DefaultRowsPerPage, 1, 100, errors);
        if (errors.Count > 0)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["status"] = "error", ["errors"] = errors });
        }

        lock (world.Sync)
        {
            var rows = world.Bodhi.Releases
                .Where(r => excludeArchived != true || r.State != "archived")
                .Where(r => state is null || r.State == state)
                .Where(r => name is null || string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var pages = (rows.Count + rowsPerPage - 1) / rowsPerPage;
            var releases = rows.Skip((page - 1) * rowsPerPage).Take(rowsPerPage).Select(r => (JsonNode)ReleaseJson(r));
            return Json(HttpStatusCode.OK, new JsonObject
            {
                ["releases"] = new JsonArray(releases.ToArray()),
                ["page"] = page,
                ["pages"] = pages,
                ["rows_per_page"] = rowsPerPage,
                ["total"] = rows.Count,
            });
        }
    }

    private static JsonObject ReleaseJson(BodhiReleaseRecord r) => new()
    {
        ["name"] = r.Name,
        ["long_name"] = r.LongName,
        ["version"] = r.Version,
        ["id_prefix"] = r.IdPrefix,
        ["branch"] = r.Branch,
        ["dist_tag"] = r.DistTag,
        ["stable_tag"] = r.StableTag,
        ["testing_tag"] = r.TestingTag,
        ["candidate_tag"] = r.CandidateTag,
        ["pending_signing_tag"] = r.PendingSigningTag,
        ["pending_testing_tag"] = r.PendingTestingTag,
        ["pending_stable_tag"] = r.PendingStableTag,
        ["override_tag"] = r.OverrideTag,
        ["mail_template"] = r.MailTemplate,
        ["state"] = r.State,
        ["composed_by_bodhi"] = r.ComposedByBodhi,
        ["composes"] = new JsonArray(),
        ["create_automatic_updates"] = null,
        ["package_manager"] = r.PackageManager,
        ["testing_repository"] = r.TestingRepository,
    };

    private static string? Query(IRequestMessage request, string key) =>
        request.Query?.TryGetValue(key, out var values) == true ? values.FirstOrDefault() : null;

    /// <summary>Bodhi's boolean parameters take <c>true</c>/<c>1</c> and <c>false</c>/<c>0</c>, any case.</summary>
    private static bool? Boolean(IRequestMessage request, string key, JsonArray errors)
    {
        var value = Query(request, key);
        switch (value?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                errors.Add(QueryError(key, $"\"{value}\" is neither in (false, 0) nor in (true, 1)"));
                return null;
        }
    }

    private static int Integer(IRequestMessage request, string key, int fallback, int min, int max, JsonArray errors)
    {
        var value = Query(request, key);
        if (value is null)
        {
            return fallback;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(QueryError(key, $"\"{value}\" is not a number"));
            return fallback;
        }
        if (number < min)
        {
            errors.Add(QueryError(key, $"{number} is less than minimum value {min}"));
        }
        else if (number > max)
        {
            errors.Add(QueryError(key, $"{number} is greater than maximum value {max}"));
        }
        return number;
    }

    private static JsonObject QueryError(string name, string description) => new()
    {
        ["location"] = "querystring",
        ["name"] = name,
        ["description"] = description,
    };

    private static ResponseMessage Json(HttpStatusCode status, JsonNode body) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData
        {
            BodyAsString = body.ToJsonString(),
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        },
    };
}

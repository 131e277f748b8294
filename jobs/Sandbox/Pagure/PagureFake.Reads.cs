using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>What is read: the token's user, the issue list with its filters and pages, one issue.</summary>
public sealed partial class PagureFake
{
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

    private static bool MatchesStatus(PagureIssueState issue, string? status) => status?.ToLowerInvariant() switch
    {
        null or "open" => issue.Status == "Open",
        "closed" => issue.Status == "Closed",
        "all" => true,
        _ => issue.Status == "Closed" && issue.CloseStatus == status,
    };

    private static string LinkEscape(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",").Replace("%21", "!").Replace("%3A", ":");
}

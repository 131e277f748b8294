using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;

namespace Releng.Jobs.Sandbox.Forgejo;

public sealed partial class ForgejoFake
{
    /// <summary>
    /// <c>GET …/issues</c>: <c>state</c> (default open), <c>type</c> (absent: pull requests too), <c>labels</c> (AND of
    /// the known names; none known: no filter), <c>since</c>/<c>before</c> on <c>updated_at</c>, <c>created_by</c>,
    /// <c>sort</c>; <c>X-Total-Count</c> and a <c>Link</c> header as <c>genAPILinks</c> writes it.
    /// </summary>
    private ResponseMessage ListIssues(string path, ForgejoFakeRequest request, ForgejoFakeJson json)
    {
        var repo = Forge.Repos[path];
        DateTimeOffset? since = null, before = null;
        foreach (var (key, set) in new (string, Action<DateTimeOffset>)[] { ("since", t => since = t), ("before", t => before = t) })
        {
            if (request.QueryValue(key) is { Length: > 0 } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) || !text.Contains('T'))
                {
                    return Json(422, json.Error($"parsing time \"{text}\" as \"2006-01-02T15:04:05Z07:00\": cannot parse"));
                }
                set(time);
            }
        }
        var createdBy = request.QueryValue("created_by");
        if (createdBy is { Length: > 0 } && !Forge.UserIds.ContainsKey(createdBy))
        {
            return Json(404, json.NotFound($"user does not exist [uid: 0, name: {createdBy}]"));
        }
        var state = request.QueryValue("state") ?? "open";
        var type = request.QueryValue("type");
        var labelIds = (request.QueryValue("labels") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Forge.LabelsOf(path).FirstOrDefault(label => label.Name == name)?.Id)
            .OfType<long>()
            .ToList();
        var matching = repo.Issues
            .Where(issue => state == "all" || issue.State == (state == "closed" ? "closed" : "open"))
            .Where(issue => type switch { "issues" => !issue.IsPullRequest, "pulls" => issue.IsPullRequest, _ => true })
            .Where(issue => labelIds.All(issue.Labels.Contains))
            .Where(issue => since is null || issue.UpdatedAt >= since)
            .Where(issue => before is null || issue.UpdatedAt <= before)
            .Where(issue => createdBy is not { Length: > 0 } || issue.Author == createdBy);
        matching = request.QueryValue("sort") switch
        {
            "oldest" => matching.OrderBy(issue => issue.CreatedAt).ThenBy(issue => issue.Id),
            "recentupdate" => matching.OrderByDescending(issue => issue.UpdatedAt).ThenByDescending(issue => issue.Id),
            "leastupdate" => matching.OrderBy(issue => issue.UpdatedAt).ThenBy(issue => issue.Id),
            _ => matching.OrderByDescending(issue => issue.CreatedAt).ThenByDescending(issue => issue.Id),
        };
        var all = matching.ToList();
        var (page, limit) = Paging(request);
        var items = all.Skip((page - 1) * limit).Take(limit).Select(issue => (JsonNode)json.Issue(path, issue)).ToArray();
        var headers = new Dictionary<string, string> { ["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture) };
        if (Links(json, request, page, limit, all.Count) is { } link)
        {
            headers["Link"] = link;
        }
        return Json(200, new JsonArray(items), headers);
    }

    /// <summary>
    /// <c>genAPILinks</c>: next, last, first, prev, each only when meaningful, joined by a comma without a space; the
    /// query keeps the request's parameters (sorted, as Go encodes them) with <c>page</c> replaced.
    /// </summary>
    private static string? Links(ForgejoFakeJson json, ForgejoFakeRequest request, int page, int limit, int total)
    {
        var pages = (total + limit - 1) / limit;
        if (pages <= 1)
        {
            return null;
        }
        string Link(int number, string rel)
        {
            var query = new SortedDictionary<string, string>(request.Query, StringComparer.Ordinal) { ["page"] = number.ToString(CultureInfo.InvariantCulture) };
            var text = string.Join("&", query.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
            return $"<{json.RootUrl}{request.Path.TrimStart('/')}?{text}>; rel=\"{rel}\"";
        }
        var links = new List<string>();
        if (page < pages)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(pages, "last"));
        }
        if (page > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(page - 1, "prev"));
        }
        return links.Count == 0 ? null : string.Join(",", links);
    }

    /// <summary>Every plain comment at once, oldest first: this list has no pages, only <c>X-Total-Count</c>.</summary>
    private static ResponseMessage ListComments(string path, ForgejoIssueState issue, ForgejoFakeJson json)
    {
        var comments = issue.Comments.OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id)
            .Select(comment => (JsonNode)json.Comment(path, issue, comment)).ToArray();
        return Json(200, new JsonArray(comments),
            new Dictionary<string, string> { ["X-Total-Count"] = comments.Length.ToString(CultureInfo.InvariantCulture) });
    }

    private ResponseMessage AddComment(string path, ForgejoIssueState issue, string user, ForgejoFakeRequest request, ForgejoFakeJson json)
    {
        if (request.BodyString("body") is not { Length: > 0 } body || string.IsNullOrWhiteSpace(body))
        {
            return Json(422, json.Error("[Body]: Required"));
        }
        if (issue.IsLocked && !Forge.IsWriter(path, user))
        {
            return EmptyForbidden();
        }
        var now = Now();
        var comment = new ForgejoCommentState { Id = ++Forge.LastCommentId, Author = user, Body = body, CreatedAt = now, UpdatedAt = now };
        issue.Comments.Add(comment);
        issue.UpdatedAt = now;
        Forge.UserId(user);
        return Json(201, json.Comment(path, issue, comment));
    }

    /// <summary>
    /// <c>PATCH …/issues/{index}</c>: the poster or a writer may change title, body and state (<c>closed</c> closes,
    /// anything else opens); only a writer's assignees count, anyone else's are ignored without a word. 201.
    /// </summary>
    private ResponseMessage EditIssue(string path, ForgejoIssueState issue, string user, ForgejoFakeRequest request, ForgejoFakeJson json)
    {
        var writer = Forge.IsWriter(path, user);
        if (!writer && issue.Author != user)
        {
            return EmptyForbidden();
        }
        var assignees = request.BodyProperty("assignees");
        if (writer && assignees is { ValueKind: JsonValueKind.Array } wanted)
        {
            var logins = wanted.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()).ToList();
            if (logins.FirstOrDefault(login => !Forge.UserIds.ContainsKey(login)) is { } unknown)
            {
                return Json(422, json.Error($"user does not exist [uid: 0, name: {unknown}]"));
            }
            if (!logins.SequenceEqual(issue.Assignees))
            {
                issue.Assignees = logins.Distinct().ToList();
                issue.UpdatedAt = Now();
            }
        }
        if (request.BodyString("title") is { Length: > 0 } title && title != issue.Title)
        {
            issue.Title = title;
            issue.UpdatedAt = Now();
        }
        if (request.BodyString("body") is { } body && body != issue.Body)
        {
            issue.Body = body;
            issue.UpdatedAt = Now();
        }
        if (request.BodyProperty("state") is { } stateValue)
        {
            var state = stateValue.ValueKind == JsonValueKind.String && stateValue.GetString() == "closed" ? "closed" : "open";
            if (state != issue.State)
            {
                var now = Now();
                issue.State = state;
                issue.ClosedAt = state == "closed" ? now : null;
                issue.UpdatedAt = now;
            }
        }
        return Json(201, json.Issue(path, issue));
    }
}

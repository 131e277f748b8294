using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Releng.Jobs.Sandbox.Forgejo;

/// <summary>
/// Forgejo's JSON shapes (v15 <c>modules/structs</c>): every field the server sends, nulls included (its structs have
/// no <c>omitempty</c>), timestamps in the server's offset at second precision.
/// </summary>
internal sealed class ForgejoFakeJson(ForgejoWorld forge, string rootUrl)
{
    public const string Version = "15.0.3+gitea-1.22.0";

    public static JsonSerializerOptions Options { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string RootUrl => rootUrl;
    public string SwaggerUrl => rootUrl + "api/swagger";

    public string Time(DateTimeOffset time)
    {
        var local = time.ToOffset(forge.Offset);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return forge.Offset == TimeSpan.Zero ? text + "Z" : text + local.ToString("zzz", CultureInfo.InvariantCulture);
    }

    public JsonObject User(string login)
    {
        var ghost = login == ForgejoWorld.GhostLogin;
        return new JsonObject
        {
            ["id"] = forge.UserId(login),
            ["login"] = login,
            ["login_name"] = "",
            ["source_id"] = 0,
            ["full_name"] = "",
            ["email"] = $"{login.ToLowerInvariant()}@noreply.forge.fedoraproject.org", // GetPlaceholderEmail
            ["avatar_url"] = $"{rootUrl}assets/img/avatar_default.png",
            ["html_url"] = rootUrl + login,
            ["language"] = "",
            ["is_admin"] = false,
            ["last_login"] = "0001-01-01T00:00:00Z",
            ["created"] = Time(DateTimeOffset.UnixEpoch.AddYears(50)),
            ["restricted"] = false,
            ["active"] = !ghost,
            ["prohibit_login"] = false,
            ["location"] = "",
            ["pronouns"] = "",
            ["website"] = "",
            ["description"] = "",
            ["visibility"] = "public",
            ["followers_count"] = 0,
            ["following_count"] = 0,
            ["starred_repos_count"] = 0,
            ["username"] = login,
        };
    }

    public JsonObject Label(ForgejoLabelState label, string? repoPath, string? org) => new()
    {
        ["id"] = label.Id,
        ["name"] = label.Name,
        ["exclusive"] = label.Exclusive,
        ["is_archived"] = label.IsArchived,
        ["color"] = label.Color,
        ["description"] = label.Description,
        ["url"] = repoPath is not null ? $"{rootUrl}api/v1/repos/{repoPath}/labels/{label.Id}" : $"{rootUrl}api/v1/orgs/{org}/labels/{label.Id}",
    };

    public JsonObject Comment(string path, ForgejoIssueState issue, ForgejoCommentState comment) => new()
    {
        ["id"] = comment.Id,
        ["html_url"] = $"{rootUrl}{path}/issues/{issue.Number}#issuecomment-{comment.Id}",
        ["pull_request_url"] = issue.IsPullRequest ? $"{rootUrl}{path}/pulls/{issue.Number}" : "",
        ["issue_url"] = issue.IsPullRequest ? "" : $"{rootUrl}{path}/issues/{issue.Number}",
        ["user"] = User(comment.Author),
        ["original_author"] = comment.OriginalAuthor,
        ["original_author_id"] = comment.OriginalAuthor.Length > 0 ? -1 : 0,
        ["body"] = comment.Body,
        ["assets"] = new JsonArray(),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.UpdatedAt),
    };

    public JsonArray Labels(string path, IEnumerable<long> ids)
    {
        var repo = forge.Repos[path];
        var owner = path.Split('/')[0];
        var nodes = new JsonArray();
        foreach (var id in ids)
        {
            if (repo.Labels.FirstOrDefault(label => label.Id == id) is { } repoLabel)
            {
                nodes.Add(Label(repoLabel, path, null));
            }
            else if (forge.Orgs.TryGetValue(owner, out var org) && org.Labels.FirstOrDefault(label => label.Id == id) is { } orgLabel)
            {
                nodes.Add(Label(orgLabel, null, owner));
            }
        }
        return nodes;
    }

    public JsonObject Issue(string path, ForgejoIssueState issue)
    {
        var repo = forge.Repos[path];
        var owner = path.Split('/')[0];
        var kind = issue.IsPullRequest ? "pulls" : "issues";
        JsonNode? assignees = issue.Assignees.Count == 0 ? null : new JsonArray(issue.Assignees.Select(login => (JsonNode)User(login)).ToArray());
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["url"] = $"{rootUrl}api/v1/repos/{path}/issues/{issue.Number}",
            ["html_url"] = $"{rootUrl}{path}/{kind}/{issue.Number}",
            ["number"] = issue.Number,
            ["user"] = User(issue.Author),
            ["original_author"] = issue.OriginalAuthor,
            ["original_author_id"] = issue.OriginalAuthor.Length > 0 ? -1 : 0,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["ref"] = "",
            ["assets"] = new JsonArray(),
            ["labels"] = Labels(path, issue.Labels),
            ["milestone"] = null,
            ["assignee"] = issue.Assignees.Count == 0 ? null : User(issue.Assignees[0]),
            ["assignees"] = assignees,
            ["state"] = issue.State,
            ["is_locked"] = issue.IsLocked,
            ["comments"] = issue.Comments.Count,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Time(closed) : null,
            ["due_date"] = null,
            ["pin_order"] = 0,
            ["pull_request"] = issue.IsPullRequest
                ? new JsonObject
                {
                    ["merged"] = false,
                    ["merged_at"] = null,
                    ["draft"] = false,
                    ["html_url"] = $"{rootUrl}{path}/pulls/{issue.Number}",
                }
                : null,
            ["repository"] = new JsonObject
            {
                ["id"] = repo.Id,
                ["name"] = path.Split('/')[1],
                ["owner"] = owner,
                ["full_name"] = path,
            },
        };
    }

    public JsonObject ApiSettings() => new()
    {
        ["max_response_items"] = forge.MaxResponseItems,
        ["default_paging_num"] = forge.DefaultPagingNum,
        ["default_git_trees_per_page"] = 1000,
        ["default_max_blob_size"] = 10485760,
    };

    /// <summary>Forgejo's error body: <c>{"message", "url"}</c>.</summary>
    public JsonObject Error(string message) => new() { ["message"] = message, ["url"] = SwaggerUrl };

    /// <summary><c>ctx.NotFound()</c>'s body, with its <c>errors</c> list.</summary>
    public JsonObject NotFound(params string[] errors) => new()
    {
        ["errors"] = new JsonArray(errors.Select(error => (JsonNode)error).ToArray()),
        ["message"] = "The target couldn't be found.",
        ["url"] = SwaggerUrl,
    };
}

using WireMock;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>What is written: comments, status, assignee and custom fields, each noted on the issue as Pagure notes it.</summary>
public sealed partial class PagureFake
{
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
}

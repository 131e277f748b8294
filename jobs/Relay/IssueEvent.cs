using System.Text.Json;

namespace Releng.Jobs.Relay;

/// <summary>
/// The fields of a Forgejo <c>issues</c> or <c>issue_comment</c> payload the relay reads (forgejo-api.md §3.3):
/// <c>action</c>, <c>issue.html_url</c>, <c>issue.pull_request</c> / <c>is_pull</c>, <c>comment.user.login</c>,
/// <c>sender.login</c>.
/// </summary>
public sealed record IssueEvent(string Action, string TicketUrl, bool IsPullRequest, string? CommentAuthor, string? Sender)
{
    /// <exception cref="JsonException">The body is not JSON or lacks <c>action</c> or <c>issue.html_url</c>.</exception>
    public static IssueEvent Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The payload is not a JSON object.");
        }
        var action = Text(root, "action") ?? throw new JsonException("The payload has no action.");
        if (!root.TryGetProperty("issue", out var issue) || issue.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The payload has no issue.");
        }
        var url = Text(issue, "html_url") ?? throw new JsonException("The issue has no html_url.");
        var pull = (issue.TryGetProperty("pull_request", out var pr) && pr.ValueKind is not JsonValueKind.Null)
            || (root.TryGetProperty("is_pull", out var isPull) && isPull.ValueKind == JsonValueKind.True);
        var author = root.TryGetProperty("comment", out var comment) && comment.ValueKind == JsonValueKind.Object
            && comment.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object ? Text(user, "login") : null;
        var sender = root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object ? Text(s, "login") : null;
        return new IssueEvent(action, url, pull, author, sender);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

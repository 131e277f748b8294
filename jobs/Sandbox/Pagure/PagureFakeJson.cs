using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>Renders the fake's state as Pagure does: compact JSON, keys sorted, times as fractional epoch strings.</summary>
internal sealed class PagureFakeJson(SandboxWorld world, string baseUrl)
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public string BaseUrl => baseUrl;

    /// <summary>An object with its keys in code-point order, like Flask's <c>jsonify</c>.</summary>
    public static JsonObject Sorted(params (string Key, JsonNode? Value)[] properties)
    {
        var node = new JsonObject();
        foreach (var (key, value) in properties.OrderBy(property => property.Key, StringComparer.Ordinal))
        {
            node[key] = value;
        }
        return node;
    }

    public static JsonNode Time(DateTimeOffset value) => JsonValue.Create(PagureTimestampConverter.Format(value));

    public static JsonNode? Time(DateTimeOffset? value) => value is { } time ? Time(time) : null;

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());

    public JsonNode? User(string? name) => name is null
        ? null
        : Sorted(
            ("full_url", $"{baseUrl}user/{name}"),
            ("fullname", world.People.TryGetValue(name, out var person) && person.Fullname is { } fullname ? fullname : name),
            ("name", name),
            ("url_path", $"user/{name}"));

    public string AvatarUrl(string user)
    {
        var email = world.People.TryGetValue(user, out var person) ? person.EmailOr(user) : $"{user}@fedoraproject.org";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
        return $"https://seccdn.libravatar.org/avatar/{hash}?s=30&d=retro";
    }

    public JsonObject Issue(string project, PagureProjectState state, PagureIssueState issue, bool withComments = true) => Sorted(
        ("assignee", User(issue.Assignee)),
        ("blocks", new JsonArray()),
        ("close_status", issue.CloseStatus),
        ("closed_at", Time(issue.ClosedAt)),
        ("closed_by", User(issue.ClosedBy)),
        ("comments", withComments ? new JsonArray(issue.Comments.Select(Comment).ToArray()) : new JsonArray()),
        ("content", issue.Content),
        ("custom_fields", new JsonArray(issue.CustomFields
            .Where(field => state.CustomFields.ContainsKey(field.Key))
            .Select(field => (JsonNode?)Sorted(
                ("key_data", null), ("key_type", state.CustomFields[field.Key]), ("name", field.Key), ("value", field.Value)))
            .ToArray())),
        ("date_created", Time(issue.DateCreated)),
        ("depends", new JsonArray()),
        ("full_url", $"{baseUrl}{project}/issue/{issue.Id}"),
        ("id", issue.Id),
        ("last_updated", Time(issue.LastUpdated)),
        ("milestone", issue.Milestone),
        ("priority", issue.Priority),
        ("private", issue.Private),
        ("related_prs", new JsonArray()),
        ("status", issue.Status),
        ("tags", Strings(issue.Tags)),
        ("title", issue.Title),
        ("user", User(issue.Author)));

    public JsonNode? Comment(PagureCommentState comment) => Sorted(
        ("comment", comment.Text),
        ("date_created", Time(comment.DateCreated)),
        ("edited_on", null),
        ("editor", null),
        ("id", comment.Id),
        ("notification", comment.Notification),
        ("parent", null),
        ("reactions", new JsonObject()),
        ("user", User(comment.Author)));

    public JsonObject Project(string path, PagureProjectState state)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? path : path[(slash + 1)..];
        var ns = slash < 0 ? null : path[..slash];
        var access = new[] { "admin", "collaborator", "commit", "ticket" };
        return Sorted(
            ("access_groups", Sorted(access.Select(level => (level, (JsonNode?)new JsonArray())).ToArray())),
            ("access_users", Sorted(access.Select(level => (level, (JsonNode?)(level == "commit"
                    ? Strings(state.Committers)
                    : new JsonArray())))
                .Append(("owner", Strings([state.Owner]))).ToArray())),
            ("close_status", Strings(state.CloseStatuses)),
            ("custom_keys", new JsonArray(state.CustomFields
                .Select(field => (JsonNode?)Strings([field.Key, field.Value])).ToArray())),
            ("date_created", Time(state.DateCreated)),
            ("date_modified", Time(state.DateCreated)),
            ("description", state.Description),
            ("full_url", $"{baseUrl}{path}"),
            ("fullname", path),
            ("id", world.Pagure.Projects.Keys.ToList().IndexOf(path) + 1),
            ("milestones", Sorted(state.Milestones
                .Select(milestone => (milestone, (JsonNode?)Sorted(("active", true), ("date", null)))).ToArray())),
            ("name", name),
            ("namespace", ns),
            ("parent", null),
            ("priorities", Sorted(("", ""), ("1", "High"), ("2", "Normal"), ("3", "Low"))),
            ("tags", new JsonArray()),
            ("url_path", path),
            ("user", User(state.Owner)));
    }

    /// <summary>Python's <c>str(float)</c> of a number sent as <c>since</c>: <c>1700000000.0</c>.</summary>
    public static JsonNode Float(decimal value) =>
        JsonNode.Parse(value.ToString("0.0###############", CultureInfo.InvariantCulture))!;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Releng.Jobs.Bugzilla;

// The REST shapes exactly as Bugzilla sends them (snake_case); the client turns them into the public records.

/// <summary><c>GET /rest/bug/{id}</c>: <c>{"faults":[],"bugs":[…]}</c>, or an error object on failure.</summary>
internal sealed record BugListBody(List<BugBody>? Bugs, bool? Error, int? Code, string? Message);

internal sealed record BugBody(
    int Id,
    string? Summary,
    string? Status,
    string? Resolution,
    string? Product,
    [property: JsonConverter(typeof(StringOrArrayConverter))] List<string>? Component,
    string? Creator,
    string? AssignedTo,
    DateTimeOffset? CreationTime,
    List<FlagBody>? Flags);

internal sealed record FlagBody(
    int? Id,
    int? TypeId,
    string? Name,
    string? Status,
    string? Setter,
    DateTimeOffset? CreationDate,
    DateTimeOffset? ModificationDate);

/// <summary><c>POST /rest/bug/{id}/comment</c> body.</summary>
internal sealed record NewCommentBody(string Comment);

/// <summary>Answer to a new comment: <c>{"id": 123}</c>.</summary>
internal sealed record CreatedBody(int? Id, bool? Error, int? Code, string? Message);

/// <summary><c>GET /rest/bug/{id}/comment</c>: <c>{"bugs":{"12":{"comments":[…]}},"comments":{}}</c>.</summary>
internal sealed record CommentsBody(Dictionary<string, BugCommentsBody>? Bugs, bool? Error, int? Code, string? Message);

internal sealed record BugCommentsBody(List<CommentBody>? Comments);

internal sealed record CommentBody(
    int Id,
    int BugId,
    int Count,
    string? Text,
    string? Creator,
    DateTimeOffset? CreationTime,
    bool IsPrivate);

/// <summary>
/// <c>GET /rest/whoami</c>: <c>{"id":1,"real_name":"…","name":"login@example.com"}</c>, as the upstream Bugzilla 5.1
/// documentation describes it; not checked against Red Hat Bugzilla.
/// </summary>
internal sealed record WhoAmIBody(int? Id, string? RealName, string? Name, bool? Error, int? Code, string? Message);

/// <summary>Bugzilla's error object: <c>{"error":true,"code":101,"message":"…","documentation":"…"}</c>.</summary>
internal sealed record ErrorBody(bool? Error, int? Code, string? Message);

/// <summary>Red Hat Bugzilla sends <c>component</c> as an array, upstream Bugzilla as a string.</summary>
internal sealed class StringOrArrayConverter : JsonConverter<List<string>>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => [reader.GetString()!],
            _ => JsonSerializer.Deserialize<List<string>>(ref reader, options),
        };

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}

internal static class BugzillaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

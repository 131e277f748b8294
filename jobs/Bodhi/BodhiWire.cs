using System.Text.Json;
using System.Text.Json.Serialization;

namespace Releng.Jobs.Bodhi;

/// <summary><c>GET /releases/</c>: <c>{"releases":[…],"page":1,"pages":2,"rows_per_page":20,"total":31}</c>.</summary>
internal sealed record ReleasePageBody(List<ReleaseBody>? Releases, int Page, int Pages, int RowsPerPage, int Total);

internal sealed record ReleaseBody(
    string? Name,
    string? LongName,
    string? Version,
    string? IdPrefix,
    string? Branch,
    string? DistTag,
    string? StableTag,
    string? TestingTag,
    string? CandidateTag,
    string? PendingSigningTag,
    string? PendingTestingTag,
    string? PendingStableTag,
    string? OverrideTag,
    string? State,
    bool? ComposedByBodhi);

internal sealed record BodhiErrorsBody(string? Status, List<BodhiErrorBody>? Errors);

internal sealed record BodhiErrorBody(string? Location, string? Name, string? Description);

internal static class BodhiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// One row of <c>queryHistory</c>. Common fields are typed; table-specific ones are in <see cref="Fields"/> (e.g.
/// <c>tag_listing</c>: <c>build_id, name, version, release, epoch, tag.name</c>; <c>tag_packages</c>:
/// <c>package.name, blocked</c>). With <c>afterEvent</c>, <see cref="CreatedAfterEvent"/> / <see cref="RevokedAfterEvent"/>
/// say whether the row was added (tagged) or revoked (untagged) after it.
/// </summary>
public sealed record KojiHistoryRow
{
    public required string Table { get; init; }
    /// <summary>True while the row is in effect; false once revoked.</summary>
    public bool Active { get; init; }
    public required int CreateEvent { get; init; }
    public int? RevokeEvent { get; init; }
    public string? CreatorName { get; init; }
    public string? RevokerName { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? RevokeTime { get; init; }
    public bool? CreatedAfterEvent { get; init; }
    public bool? RevokedAfterEvent { get; init; }
    public required XmlRpcStruct Fields { get; init; }

    public string? TagName => Fields.GetStringOrNull("tag.name");
    /// <summary>The package: <c>name</c> on tag_listing rows, <c>package.name</c> on tag_packages rows.</summary>
    public string? PackageName => Fields.GetStringOrNull("package.name") ?? Fields.GetStringOrNull("name");
    public int? BuildId => Fields.GetInt32OrNull("build_id");

    internal static KojiHistoryRow From(string table, XmlRpcStruct row) => new()
    {
        Table = table,
        Active = row.GetBooleanOrNull("active") ?? false,
        CreateEvent = row.GetInt32("create_event"),
        RevokeEvent = row.GetInt32OrNull("revoke_event"),
        CreatorName = row.GetStringOrNull("creator_name"),
        RevokerName = row.GetStringOrNull("revoker_name"),
        CreateTime = row.GetDoubleOrNull("create_ts") is { } created ? KojiTime.FromEpochSeconds(created) : null,
        RevokeTime = row.GetDoubleOrNull("revoke_ts") is { } revoked ? KojiTime.FromEpochSeconds(revoked) : null,
        CreatedAfterEvent = row.GetBooleanOrNull("_created_after_event"),
        RevokedAfterEvent = row.GetBooleanOrNull("_revoked_after_event"),
        Fields = row,
    };
}

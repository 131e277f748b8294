using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// A build, from <c>getBuild</c>, <c>listBuilds</c>, <c>listTagged</c> or <c>getLatestBuilds</c>. <see cref="Nvr"/>
/// has no epoch; <see cref="Epoch"/> is null when unset (treat as 0). The tag fields are set only on tag listings,
/// where <see cref="TaggedEventId"/> is the event at which the build was tagged (Koji's "latest" is the most
/// recently tagged build, not the highest version).
/// </summary>
public sealed record KojiBuild
{
    public required int Id { get; init; }
    public required string Nvr { get; init; }
    /// <summary>The package name.</summary>
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Release { get; init; }
    public int? Epoch { get; init; }
    public KojiBuildState State { get; init; }
    public int PackageId { get; init; }
    public int? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    /// <summary>Null for content-generator imports.</summary>
    public int? TaskId { get; init; }
    public int? CreationEventId { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? Source { get; init; }
    public bool Draft { get; init; }
    /// <summary>Content generator name (<c>cg_name</c>) of imported builds.</summary>
    public string? ContentGenerator { get; init; }
    public XmlRpcStruct? Extra { get; init; }
    public int? TagId { get; init; }
    public string? TagName { get; init; }
    public int? TaggedEventId { get; init; }

    internal static KojiBuild From(XmlRpcStruct row) => new()
    {
        // listBuilds rows have build_id but no id; the others have both.
        Id = row.GetInt32OrNull("build_id") ?? row.GetInt32("id"),
        Nvr = row.GetString("nvr"),
        Name = row.GetStringOrNull("name") ?? row.GetString("package_name"),
        Version = row.GetString("version"),
        Release = row.GetString("release"),
        Epoch = row.GetInt32OrNull("epoch"),
        State = (KojiBuildState)row.GetInt32("state"),
        PackageId = row.GetInt32OrNull("package_id") ?? 0,
        OwnerId = row.GetInt32OrNull("owner_id"),
        OwnerName = row.GetStringOrNull("owner_name"),
        TaskId = row.GetInt32OrNull("task_id"),
        CreationEventId = row.GetInt32OrNull("creation_event_id"),
        CreationTime = KojiTime.Parse(row.GetStringOrNull("creation_time")),
        StartTime = KojiTime.Parse(row.GetStringOrNull("start_time")),
        CompletionTime = KojiTime.Parse(row.GetStringOrNull("completion_time")),
        Source = row.GetStringOrNull("source"),
        Draft = row.GetBoolean("draft"),
        ContentGenerator = row.GetStringOrNull("cg_name"),
        Extra = row.GetStructOrNull("extra"),
        TagId = row.GetInt32OrNull("tag_id"),
        TagName = row.GetStringOrNull("tag_name"),
        TaggedEventId = row.GetInt32OrNull("create_event"),
    };
}

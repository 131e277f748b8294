using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// A task (<c>getTaskInfo</c>, <c>listTasks</c>). <see cref="Request"/> holds the decoded call arguments when asked
/// for: for <c>kiwiBuild</c> that is <c>[target, arches, desc_url, desc_path, opts]</c>, read through
/// <see cref="KiwiTarget"/> and <see cref="KiwiProfile"/>.
/// </summary>
public sealed record KojiTaskInfo
{
    public required int Id { get; init; }
    public required string Method { get; init; }
    public KojiTaskState State { get; init; }
    public int? Owner { get; init; }
    public string? OwnerName { get; init; }
    public int? Parent { get; init; }
    public string? Label { get; init; }
    public string? Arch { get; init; }
    public int? Priority { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public IReadOnlyList<object?>? Request { get; init; }

    public bool IsActive => State is KojiTaskState.Free or KojiTaskState.Open or KojiTaskState.Assigned;

    public string? KiwiTarget => Method == "kiwiBuild" && Request is [string target, ..] ? target : null;

    public string? KiwiProfile => Method == "kiwiBuild" && Request is [_, _, _, _, XmlRpcStruct options, ..]
        ? options.GetStringOrNull("profile")
        : null;

    internal static KojiTaskInfo From(XmlRpcStruct row) => new()
    {
        Id = row.GetInt32("id"),
        Method = row.GetString("method"),
        State = (KojiTaskState)row.GetInt32("state"),
        Owner = row.GetInt32OrNull("owner"),
        OwnerName = row.GetStringOrNull("owner_name"),
        Parent = row.GetInt32OrNull("parent"),
        Label = row.GetStringOrNull("label"),
        Arch = row.GetStringOrNull("arch"),
        Priority = row.GetInt32OrNull("priority"),
        CreateTime = KojiTime.Parse(row.GetStringOrNull("create_time")),
        StartTime = KojiTime.Parse(row.GetStringOrNull("start_time")),
        CompletionTime = KojiTime.Parse(row.GetStringOrNull("completion_time")),
        Request = row.GetOrNull("request") as IReadOnlyList<object?>,
    };
}

using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>A tag's repository (<c>getRepo</c>). A tag change at event E is in the repo only when <see cref="CreateEvent"/> ≥ E.</summary>
public sealed record KojiRepo
{
    public required int Id { get; init; }
    public KojiRepoState State { get; init; }
    public required int CreateEvent { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    /// <summary>Koji 1.35: the last change of the tag's content at or before <see cref="CreateEvent"/>.</summary>
    public int? BeginEvent { get; init; }
    /// <summary>Koji 1.35: the first change of the tag's content after the repo was made; null while it is current.</summary>
    public int? EndEvent { get; init; }

    internal static KojiRepo From(XmlRpcStruct row) => new()
    {
        Id = row.GetInt32("id"),
        State = (KojiRepoState)(row.GetInt32OrNull("state") ?? (int)KojiRepoState.Ready),
        CreateEvent = row.GetInt32("create_event"),
        CreationTime = KojiTime.Parse(row.GetStringOrNull("creation_time")),
        BeginEvent = row.GetInt32OrNull("begin_event"),
        EndEvent = row.GetInt32OrNull("end_event"),
    };
}

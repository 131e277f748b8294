using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>A tag (<c>getTag</c>). <see cref="Arches"/> is empty when the tag has none.</summary>
public sealed record KojiTag
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Arches { get; init; } = [];
    public bool Locked { get; init; }
    public string? Permission { get; init; }
    public XmlRpcStruct Extra { get; init; } = new();

    internal static KojiTag From(XmlRpcStruct row) => new()
    {
        Id = row.GetInt32("id"),
        Name = row.GetString("name"),
        Arches = (row.GetStringOrNull("arches") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Locked = row.GetBoolean("locked"),
        Permission = row.GetStringOrNull("perm"),
        Extra = row.GetStructOrNull("extra") ?? new(),
    };
}

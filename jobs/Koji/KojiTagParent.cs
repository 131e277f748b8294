using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>One ancestor of a tag (<c>getFullInheritance</c>), nearest first; <see cref="Depth"/> 1 is a direct parent.</summary>
public sealed record KojiTagParent
{
    public required int ParentId { get; init; }
    public required string Name { get; init; }
    public int Depth { get; init; }

    internal static KojiTagParent From(XmlRpcStruct row) => new()
    {
        ParentId = row.GetInt32("parent_id"),
        Name = row.GetString("name"),
        Depth = row.GetInt32OrNull("currdepth") ?? 1,
    };
}

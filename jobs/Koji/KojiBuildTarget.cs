using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>A build target (<c>getBuildTarget</c>): builds use <see cref="BuildTagName"/>'s repo and land in <see cref="DestTagName"/>.</summary>
public sealed record KojiBuildTarget
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required int BuildTagId { get; init; }
    public required string BuildTagName { get; init; }
    public required int DestTagId { get; init; }
    public required string DestTagName { get; init; }

    internal static KojiBuildTarget From(XmlRpcStruct row) => new()
    {
        Id = row.GetInt32("id"),
        Name = row.GetString("name"),
        BuildTagId = row.GetInt32("build_tag"),
        BuildTagName = row.GetString("build_tag_name"),
        DestTagId = row.GetInt32("dest_tag"),
        DestTagName = row.GetString("dest_tag_name"),
    };
}

using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// A package-list entry (<c>getPackageConfig</c>, <c>listPackages</c>). From <c>getPackageConfig</c> it is the
/// inherited entry, so <see cref="TagName"/> may be a parent of the tag asked about.
/// </summary>
public sealed record KojiPackageConfig
{
    public required int PackageId { get; init; }
    public required string PackageName { get; init; }
    public required int TagId { get; init; }
    public required string TagName { get; init; }
    public bool Blocked { get; init; }
    public int? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public string? ExtraArches { get; init; }

    internal static KojiPackageConfig From(XmlRpcStruct row) => new()
    {
        PackageId = row.GetInt32("package_id"),
        PackageName = row.GetString("package_name"),
        TagId = row.GetInt32("tag_id"),
        TagName = row.GetString("tag_name"),
        Blocked = row.GetBoolean("blocked"),
        OwnerId = row.GetInt32OrNull("owner_id"),
        OwnerName = row.GetStringOrNull("owner_name"),
        ExtraArches = row.GetStringOrNull("extra_arches"),
    };
}

using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Package lists: getPackageConfig, checkTagPackage, listPackages.</summary>
internal sealed partial class KojiHub
{
    /// <summary>Nil for an unknown tag as for an unlisted package (the hub looks the tag up non-strictly), in a multicall too.</summary>
    private XmlRpcStruct? GetPackageConfig(KojiHubArguments a)
    {
        if (world.FindTag(a["tag"]) is not { } tag)
        {
            return null;
        }
        var package = world.FindPackage(a["pkg"]);
        if (package is null)
        {
            return null;
        }
        return world.PackageEntry(tag, package.Id, AtEvent(a)) is { } entry ? PackageRow(entry, package) : null;
    }

    private bool CheckTagPackage(KojiHubArguments a)
    {
        var tag = RequireTag(a["tag"]);
        return world.FindPackage(a["pkg"]) is { } package
            && world.PackageEntry(tag, package.Id, world.LastEventId) is { Blocked: false };
    }

    private XmlRpcStruct PackageRow(KojiWorldPackageEntry entry, KojiWorldPackage package) => new()
    {
        ["blocked"] = entry.Blocked,
        ["extra_arches"] = entry.ExtraArches,
        ["owner_id"] = entry.OwnerId,
        ["owner_name"] = UserName(entry.OwnerId),
        ["package_id"] = package.Id,
        ["package_name"] = package.Name,
        ["tag_id"] = entry.TagId,
        ["tag_name"] = world.Tags.First(t => t.Id == entry.TagId).Name,
    };

    private List<object?> ListPackages(KojiHubArguments a)
    {
        if (a["tagID"] is null)
        {
            return world.Packages
                .Where(p => a["pkgID"] is null || world.FindPackage(a["pkgID"]) == p)
                .Select(p => (object?)new XmlRpcStruct { ["package_id"] = p.Id, ["package_name"] = p.Name })
                .ToList();
        }
        var tag = RequireTag(a["tagID"]);
        var atEvent = AtEvent(a);
        var withBlocked = a["with_blocked"] is not false;
        IEnumerable<KojiWorldPackage> packages = a["pkgID"] is { } pkg ? new[] { world.FindPackage(pkg) }.OfType<KojiWorldPackage>() : world.Packages;
        var rows = new List<object?>();
        foreach (var package in packages)
        {
            var entry = a.Flag("inherited")
                ? world.PackageEntry(tag, package.Id, atEvent)
                : world.PackageEntries.FirstOrDefault(e =>
                    e.TagId == tag.Id && e.PackageId == package.Id && KojiWorld.ActiveAt(e.CreateEvent, e.RevokeEvent, atEvent));
            if (entry is not null && (withBlocked || !entry.Blocked))
            {
                rows.Add(PackageRow(entry, package));
            }
        }
        return rows;
    }
}

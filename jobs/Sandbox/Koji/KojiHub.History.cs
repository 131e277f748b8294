using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Events and history: getLastEvent, getEvent, queryHistory rows.</summary>
internal sealed partial class KojiHub
{
    private XmlRpcStruct GetLastEvent(KojiHubArguments a)
    {
        var before = a.Time("before");
        var last = world.Events.LastOrDefault(e => before is null || e.Time < before)
            ?? throw KojiHubFault.Generic("Unable to find event");
        return EventRow(last);
    }

    private XmlRpcStruct GetEvent(KojiHubArguments a)
    {
        var id = a.Int("id");
        return EventRow(world.Events.FirstOrDefault(e => e.Id == id) ?? throw KojiHubFault.Generic($"No such event: {id}"));
    }

    private static XmlRpcStruct EventRow(KojiWorldEvent e) =>
        new() { ["id"] = e.Id, ["ts"] = KojiTime.ToEpochSeconds(e.Time) };

    private XmlRpcStruct QueryHistory(KojiHubArguments a)
    {
        var tables = a["tables"] is IReadOnlyList<object?> list ? list.OfType<string>().ToList() : ["tag_listing", "tag_packages"];
        var tag = a["tag"] is { } tagInfo ? RequireTag(tagInfo) : null;
        var package = a["package"] is { } packageInfo ? world.FindPackage(packageInfo) : null;
        var after = a.Int("afterEvent");
        var before = a.Int("beforeEvent");
        bool Wanted(int create, int? revoke) =>
            (after is null || create > after || revoke > after) && (before is null || create < before)
            && (a["active"] is not bool active || active == (revoke is null));
        var result = new XmlRpcStruct();
        if (tables.Contains("tag_listing"))
        {
            result["tag_listing"] = world.Taggings
                .Where(t => tag is null || t.TagId == tag.Id)
                .Select(t => (Tagging: t, Build: world.Build(t.BuildId)))
                .Where(x => package is null || x.Build.PackageId == package.Id)
                .Where(x => Wanted(x.Tagging.CreateEvent, x.Tagging.RevokeEvent))
                .OrderBy(x => x.Tagging.CreateEvent)
                .Select(x => (object?)HistoryRow(x.Tagging.CreateEvent, x.Tagging.RevokeEvent, x.Tagging.CreatorId, x.Tagging.RevokerId, after, new XmlRpcStruct
                {
                    ["build.state"] = x.Build.State,
                    ["build_id"] = x.Build.Id,
                    ["epoch"] = x.Build.Epoch,
                    ["name"] = x.Build.Name,
                    ["release"] = x.Build.Release,
                    ["tag.name"] = world.Tags.First(t => t.Id == x.Tagging.TagId).Name,
                    ["tag_id"] = x.Tagging.TagId,
                    ["version"] = x.Build.Version,
                }))
                .ToList();
        }
        if (tables.Contains("tag_packages"))
        {
            result["tag_packages"] = world.PackageEntries
                .Where(e => tag is null || e.TagId == tag.Id)
                .Where(e => package is null || e.PackageId == package.Id)
                .Where(e => Wanted(e.CreateEvent, e.RevokeEvent))
                .OrderBy(e => e.CreateEvent)
                .Select(e => (object?)HistoryRow(e.CreateEvent, e.RevokeEvent, e.CreatorId, e.RevokerId, after, new XmlRpcStruct
                {
                    ["blocked"] = e.Blocked,
                    ["extra_arches"] = e.ExtraArches,
                    ["package.name"] = world.Packages.First(p => p.Id == e.PackageId).Name,
                    ["package_id"] = e.PackageId,
                    ["tag.name"] = world.Tags.First(t => t.Id == e.TagId).Name,
                    ["tag_id"] = e.TagId,
                }))
                .ToList();
        }
        return result;
    }

    private XmlRpcStruct HistoryRow(int create, int? revoke, int creator, int? revoker, int? after, XmlRpcStruct fields)
    {
        var row = new XmlRpcStruct
        {
            ["active"] = revoke is null ? true : null,
            ["create_event"] = create,
            ["create_ts"] = KojiTime.ToEpochSeconds(world.EventTime(create)),
            ["creator_id"] = creator,
            ["creator_name"] = UserName(creator),
            ["revoke_event"] = revoke,
            ["revoke_ts"] = revoke is { } r ? KojiTime.ToEpochSeconds(world.EventTime(r)) : null,
            ["revoker_id"] = revoker,
            ["revoker_name"] = revoker is { } id ? UserName(id) : null,
        };
        foreach (var (name, value) in fields)
        {
            row[name] = value;
        }
        if (after is { } e)
        {
            row["_created_after_event"] = create > e;
            row["_revoked_after_event"] = revoke > e;
        }
        return row;
    }
}

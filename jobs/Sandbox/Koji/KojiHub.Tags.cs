using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Tags and what they hold: getTag, listTagged/getLatestBuilds (readTaggedBuilds), repos, targets, inheritance.</summary>
internal sealed partial class KojiHub
{
    private XmlRpcStruct? GetTag(KojiHubArguments a)
    {
        var tag = world.FindTag(a["tagInfo"]);
        if (tag is null)
        {
            return a.Flag("strict") ? throw KojiHubFault.Generic($"No such tagInfo: {Quote(a["tagInfo"])}") : null;
        }
        var row = new XmlRpcStruct
        {
            ["arches"] = tag.Arches,
            ["id"] = tag.Id,
            ["locked"] = tag.Locked,
            ["maven_include_all"] = false,
            ["maven_support"] = false,
            ["name"] = tag.Name,
            ["perm"] = null,
            ["perm_id"] = null,
            ["extra"] = new XmlRpcStruct(),
        };
        if (a.Int("event") is { } atEvent)
        {
            row["query_event"] = atEvent;
        }
        return row;
    }

    private List<object?> ListTagged(KojiHubArguments a)
    {
        var tag = world.FindTag(a["tag"]) ?? throw KojiHubFault.Generic($"No such tagInfo: {Quote(a["tag"])}");
        var latest = a["latest"] switch { true => 1, int n and > 0 => n, _ => 0 };
        return TaggedBuilds(tag, AtEvent(a), a.Flag("inherit"), latest, a.String("package"), a.String("type"), a.String("prefix"));
    }

    private List<object?> GetLatestBuilds(KojiHubArguments a)
    {
        var tag = world.FindTag(a["tag"]) ?? throw KojiHubFault.Generic($"No such tagInfo: {Quote(a["tag"])}");
        return TaggedBuilds(tag, AtEvent(a), inherit: true, latest: 1, a.String("package"), a.String("type"), prefix: null);
    }

    /// <summary>Koji's readTaggedBuilds: complete builds, the tag's own rows first then each parent's, newest tagging first; blocked or unlisted packages dropped.</summary>
    private List<object?> TaggedBuilds(KojiWorldTag tag, int atEvent, bool inherit, int latest, string? package, string? type, string? prefix)
    {
        var rows = new List<object?>();
        var perPackage = new Dictionary<int, int>();
        foreach (var current in inherit ? world.Inheritance(tag) : [tag])
        {
            var taggings = world.Taggings
                .Where(t => t.TagId == current.Id && KojiWorld.ActiveAt(t.CreateEvent, t.RevokeEvent, atEvent))
                .Select(t => (Tagging: t, Build: world.Build(t.BuildId)))
                .Where(x => x.Build.State == 1)
                .Where(x => package is null || x.Build.Name == package)
                .Where(x => type is null || x.Build.Type == type)
                .Where(x => prefix is null || x.Build.Name.StartsWith(prefix, StringComparison.Ordinal))
                .OrderByDescending(x => x.Tagging.CreateEvent).ThenByDescending(x => x.Build.Id);
            foreach (var (tagging, build) in taggings)
            {
                if (world.PackageEntry(tag, build.PackageId, atEvent) is not { Blocked: false })
                {
                    continue;
                }
                if (latest > 0)
                {
                    var seen = perPackage.GetValueOrDefault(build.PackageId);
                    if (seen >= latest)
                    {
                        continue;
                    }
                    perPackage[build.PackageId] = seen + 1;
                }
                rows.Add(TaggedBuildRow(build, tagging, current));
            }
        }
        return rows;
    }

    private XmlRpcStruct TaggedBuildRow(KojiWorldBuild build, KojiWorldTagging tagging, KojiWorldTag tag) => new()
    {
        ["build_id"] = build.Id,
        ["completion_time"] = Time(build.CompletionTime),
        ["create_event"] = tagging.CreateEvent,
        ["creation_event_id"] = build.CreationEventId,
        ["creation_time"] = KojiTime.Format(build.CreationTime),
        ["draft"] = false,
        ["epoch"] = build.Epoch,
        ["id"] = build.Id,
        ["name"] = build.Name,
        ["nvr"] = build.Nvr,
        ["owner_id"] = build.OwnerId,
        ["owner_name"] = UserName(build.OwnerId),
        ["package_id"] = build.PackageId,
        ["package_name"] = build.Name,
        ["promoter_id"] = null,
        ["promoter_name"] = null,
        ["promotion_time"] = null,
        ["release"] = build.Release,
        ["start_time"] = Time(build.StartTime),
        ["state"] = build.State,
        ["tag_id"] = tag.Id,
        ["tag_name"] = tag.Name,
        ["task_id"] = build.TaskId,
        ["version"] = build.Version,
        ["volume_id"] = 0,
        ["volume_name"] = "DEFAULT",
    };

    private XmlRpcStruct? GetRepo(KojiHubArguments a)
    {
        var tag = RequireTag(a["tag"]);
        var state = a.Int("state") ?? 1;
        var atEvent = a.Int("event");
        var minEvent = a.Int("min_event");
        var repo = world.Repos
            .Where(r => r.TagId == tag.Id && r.State == state)
            .Where(r => atEvent is null || r.CreateEvent <= atEvent)
            .Where(r => minEvent is null || r.CreateEvent >= minEvent)
            .OrderByDescending(r => r.CreateEvent)
            .FirstOrDefault();
        if (repo is null)
        {
            return null;
        }
        var (begin, end) = ContentSpan(tag, repo.CreateEvent);
        return new XmlRpcStruct
        {
            ["begin_event"] = begin,
            ["create_event"] = repo.CreateEvent,
            ["create_ts"] = KojiTime.ToEpochSeconds(repo.CreationTime),
            ["creation_time"] = KojiTime.Format(repo.CreationTime),
            ["dist"] = false,
            ["end_event"] = end,
            ["id"] = repo.Id,
            ["state"] = repo.State,
            ["tag_id"] = tag.Id,
            ["tag_name"] = tag.Name,
            ["task_id"] = null,
        };
    }

    /// <summary>
    /// Koji 1.35's repo span: the last change of the tag's content (its own or an ancestor's taggings and package
    /// list) at or before the repo's event, and the first change after it (nil while the repo is still current).
    /// </summary>
    private (int Begin, int? End) ContentSpan(KojiWorldTag tag, int createEvent)
    {
        var tags = world.Inheritance(tag).Select(t => t.Id).ToHashSet();
        var changes = world.Taggings.Where(t => tags.Contains(t.TagId)).SelectMany(t => new[] { t.CreateEvent, t.RevokeEvent })
            .Concat(world.PackageEntries.Where(e => tags.Contains(e.TagId)).SelectMany(e => new[] { e.CreateEvent, e.RevokeEvent }))
            .OfType<int>()
            .ToList();
        var begin = changes.Where(e => e <= createEvent).DefaultIfEmpty(createEvent).Max();
        int? end = changes.Where(e => e > createEvent).Select(e => (int?)e).DefaultIfEmpty(null).Min();
        return (begin, end);
    }

    private XmlRpcStruct? GetBuildTarget(KojiHubArguments a)
    {
        var info = a["info"];
        var target = world.Targets.FirstOrDefault(t => info is string name ? t.Name == name : info is int id && t.Id == id);
        if (target is null)
        {
            return a.Flag("strict") ? throw KojiHubFault.Generic($"No such build target: {Quote(info)}") : null;
        }
        return TargetRow(target);
    }

    private XmlRpcStruct TargetRow(KojiWorldTarget target) => new()
    {
        ["build_tag"] = target.BuildTagId,
        ["build_tag_name"] = world.Tags.First(t => t.Id == target.BuildTagId).Name,
        ["dest_tag"] = target.DestTagId,
        ["dest_tag_name"] = world.Tags.First(t => t.Id == target.DestTagId).Name,
        ["id"] = target.Id,
        ["name"] = target.Name,
    };

    private List<object?> GetFullInheritance(KojiHubArguments a)
    {
        var tag = RequireTag(a["tag"]);
        var rows = new List<object?>();
        void Walk(KojiWorldTag child, int depth)
        {
            foreach (var parentId in child.Parents)
            {
                var parent = world.Tags.First(t => t.Id == parentId);
                rows.Add(new XmlRpcStruct
                {
                    ["intransitive"] = false, ["maxdepth"] = null, ["name"] = parent.Name, ["noconfig"] = false,
                    ["parent_id"] = parent.Id, ["pkg_filter"] = "", ["priority"] = 0, ["child_id"] = child.Id,
                    ["nextdepth"] = null, ["currdepth"] = depth, ["filter"] = new List<object?>(),
                });
                Walk(parent, depth + 1);
            }
        }
        Walk(tag, 1);
        return rows;
    }
}

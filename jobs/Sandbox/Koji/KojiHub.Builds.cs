using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Builds: getBuild and listBuilds rows, and listBuilds/listTasks queryOpts.</summary>
internal sealed partial class KojiHub
{
    /// <summary>A getBuild row (<paramref name="withId"/>: also <c>id</c> and the content generator, <c>cg_id</c> second and <c>cg_name</c> last, as the hub orders them) or a listBuilds row.</summary>
    private XmlRpcStruct BuildRow(KojiWorldBuild build, bool withId)
    {
        var row = new XmlRpcStruct { ["build_id"] = build.Id };
        if (withId)
        {
            row["cg_id"] = build.CgId;
        }
        foreach (var (name, value) in new XmlRpcStruct
        {
            ["completion_time"] = Time(build.CompletionTime),
            ["completion_ts"] = Ts(build.CompletionTime),
            ["creation_event_id"] = build.CreationEventId,
            ["creation_time"] = KojiTime.Format(build.CreationTime),
            ["creation_ts"] = KojiTime.ToEpochSeconds(build.CreationTime),
            ["draft"] = false,
            ["epoch"] = build.Epoch,
            ["extra"] = build.Type == "image"
                ? new XmlRpcStruct { ["typeinfo"] = new XmlRpcStruct { ["image"] = new XmlRpcStruct() } }
                : null,
        })
        {
            row[name] = value;
        }
        if (withId)
        {
            row["id"] = build.Id;
        }
        foreach (var (name, value) in new XmlRpcStruct
        {
            ["name"] = build.Name,
            ["nvr"] = build.Nvr,
            ["owner_id"] = build.OwnerId,
            ["owner_name"] = UserName(build.OwnerId),
            ["package_id"] = build.PackageId,
            ["package_name"] = build.Name,
            ["promoter_id"] = null,
            ["promoter_name"] = null,
            ["promotion_time"] = null,
            ["promotion_ts"] = null,
            ["release"] = build.Release,
            ["source"] = build.Source,
            ["start_time"] = Time(build.StartTime),
            ["start_ts"] = Ts(build.StartTime),
            ["state"] = build.State,
            ["task_id"] = build.TaskId,
            ["version"] = build.Version,
            ["volume_id"] = 0,
            ["volume_name"] = "DEFAULT",
        })
        {
            row[name] = value;
        }
        if (withId)
        {
            row["cg_name"] = build.CgName;
        }
        return row;
    }

    private static string? Time(DateTimeOffset? time) => time is { } t ? KojiTime.Format(t) : null;

    private static double? Ts(DateTimeOffset? time) => time is { } t ? KojiTime.ToEpochSeconds(t) : null;

    private XmlRpcStruct? GetBuild(KojiHubArguments a)
    {
        var info = a["buildInfo"];
        var build = info switch
        {
            int id => world.Builds.FirstOrDefault(b => b.Id == id),
            long id => world.Builds.FirstOrDefault(b => b.Id == id),
            string nvr => world.Builds.FirstOrDefault(b => b.Nvr == nvr),
            XmlRpcStruct s => world.Builds.FirstOrDefault(b =>
                b.Name == s.GetStringOrNull("name") && b.Version == s.GetStringOrNull("version") && b.Release == s.GetStringOrNull("release")),
            _ => null,
        };
        if (build is null)
        {
            return a.Flag("strict") ? throw KojiHubFault.Generic($"No such build: {Quote(info)}") : null;
        }
        return BuildRow(build, withId: true);
    }

    private object ListBuilds(KojiHubArguments a)
    {
        IEnumerable<KojiWorldBuild> builds = world.Builds;
        if (a["packageID"] is { } packageInfo)
        {
            var package = world.FindPackage(packageInfo);
            builds = builds.Where(b => b.PackageId == package?.Id);
        }
        if (a.Int("state") is { } state)
        {
            builds = builds.Where(b => b.State == state);
        }
        if (a.Int("taskID") is { } taskId)
        {
            builds = builds.Where(b => b.TaskId == taskId);
        }
        if (a.String("type") is { } type)
        {
            builds = builds.Where(b => b.Type == type);
        }
        if (a.String("prefix") is { } prefix)
        {
            builds = builds.Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal));
        }
        if (a.Time("createdAfter") is { } createdAfter)
        {
            builds = builds.Where(b => world.EventTime(b.CreationEventId) > createdAfter);
        }
        if (a.Time("createdBefore") is { } createdBefore)
        {
            builds = builds.Where(b => world.EventTime(b.CreationEventId) < createdBefore);
        }
        if (a.Time("completeAfter") is { } completeAfter)
        {
            builds = builds.Where(b => b.CompletionTime > completeAfter);
        }
        if (a.Time("completeBefore") is { } completeBefore)
        {
            builds = builds.Where(b => b.CompletionTime < completeBefore);
        }
        var rows = builds.Select(b => BuildRow(b, withId: false)).ToList();
        return ApplyQueryOpts(rows, a.Struct("queryOpts"));
    }

    /// <summary>queryOpts: order (a field, <c>-</c> for descending), offset, limit, countOnly.</summary>
    private static object ApplyQueryOpts(List<XmlRpcStruct> rows, XmlRpcStruct? queryOpts)
    {
        if (queryOpts is null)
        {
            return rows.Cast<object?>().ToList();
        }
        if (queryOpts.GetBoolean("countOnly"))
        {
            return rows.Count;
        }
        IEnumerable<XmlRpcStruct> ordered = rows;
        if (queryOpts.GetStringOrNull("order") is { } order)
        {
            var descending = order.StartsWith('-');
            var field = order.TrimStart('-');
            Comparison<XmlRpcStruct> compare = (x, y) => Comparer<object?>.Create(CompareValues).Compare(x.GetOrNull(field), y.GetOrNull(field));
            var list = rows.ToList();
            list.Sort(descending ? (x, y) => compare(y, x) : compare);
            ordered = list;
        }
        ordered = ordered.Skip(queryOpts.GetInt32OrNull("offset") ?? 0);
        if (queryOpts.GetInt32OrNull("limit") is { } limit)
        {
            ordered = ordered.Take(limit);
        }
        return ordered.Cast<object?>().ToList();
    }

    private static int CompareValues(object? x, object? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => Convert.ToDouble(x).CompareTo(Convert.ToDouble(y)),
    };
}

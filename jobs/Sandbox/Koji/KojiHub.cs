using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;
using Releng.Jobs.Sandbox.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>
/// The fake hub's calls over a <see cref="KojiWorld"/>: argument binding, sessions and call numbers, multicall,
/// and the reads and writes the jobs use, with rows shaped (and members ordered) like Koji 1.35's.
/// The caller holds the world's lock.
/// </summary>
internal sealed class KojiHub(KojiWorld world, DateTimeOffset clock)
{
    private const string Version = "1.35.3";

    /// <summary>Handles one POST body; returns the HTTP status, content type and body to answer with.</summary>
    public (int Status, string ContentType, string Body) Handle(string? body, bool sslLoginPath, Func<string, string?> header)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (400, "text/plain", "Invalid request: Empty request");
        }
        XmlRpcMethodCall call;
        try
        {
            call = XmlRpcServerCodec.DecodeCall(body);
        }
        catch (XmlRpcFormatException e)
        {
            return (400, "text/plain", $"Invalid request: {e.InnerException?.Message ?? e.Message}");
        }
        try
        {
            var session = Authenticate(header, call.MethodName);
            var result = call.MethodName is "system.multicall" or "multiCall"
                ? MultiCall(call, session, sslLoginPath)
                : Invoke(call.MethodName, call.Params, session, sslLoginPath);
            if (session is not null && int.TryParse(header("Koji-Session-Callnum"), out var callnum))
            {
                session.LastCallnum = callnum; // stored only when the call commits
            }
            return (200, "text/xml", XmlRpcServerCodec.EncodeResponse(result));
        }
        catch (KojiHubFault fault)
        {
            return (200, "text/xml", XmlRpcServerCodec.EncodeFault(new XmlRpcFault(fault.Code, fault.Message)));
        }
    }

    private KojiWorldSession? Authenticate(Func<string, string?> header, string method)
    {
        if (header("Koji-Session-Id") is not { } idText)
        {
            return null;
        }
        var session = world.Sessions.FirstOrDefault(s => s.Id.ToString() == idText.Trim());
        if (session is null || !session.Active || session.Key != header("Koji-Session-Key"))
        {
            throw new KojiHubFault(1002, "Invalid session or bad credentials");
        }
        if (!int.TryParse(header("Koji-Session-Callnum"), out var callnum))
        {
            throw new KojiHubFault(1002, "Invalid session or bad credentials");
        }
        if (session.LastCallnum is { } last && callnum < last)
        {
            throw new KojiHubFault(1008, $"{last} > {callnum} (session {session.Id})");
        }
        if (session.LastCallnum == callnum)
        {
            throw new KojiHubFault(1009, $"unable to retry call {callnum} (method {method}) for session {session.Id}");
        }
        return session;
    }

    private List<object?> MultiCall(XmlRpcMethodCall call, KojiWorldSession? session, bool sslLoginPath)
    {
        var calls = call.Params.Count == 1 && call.Params[0] is IReadOnlyList<object?> list
            ? list
            : throw new KojiHubFault(1019, "multiCall() takes 1 positional argument");
        var results = new List<XmlRpcResult>();
        foreach (var entry in calls)
        {
            try
            {
                var spec = entry as XmlRpcStruct ?? throw KojiHubFault.Generic("multicall entries must be structs");
                var method = spec.GetString("methodName");
                if (method is "system.multicall" or "multiCall")
                {
                    throw KojiHubFault.Generic("Nested multicalls are not allowed");
                }
                results.Add(XmlRpcResult.Success(Invoke(method, spec.GetArray("params"), session, sslLoginPath)));
            }
            catch (KojiHubFault fault)
            {
                results.Add(XmlRpcResult.Failure(new XmlRpcFault(fault.Code, fault.Message,
                    ["Traceback (most recent call last):\n", "  File \"/usr/share/koji-hub/kojihub/kojixmlrpc.py\", line 366, in multiCall\n",
                     $"koji.GenericError: {fault.Message}\n"])));
            }
        }
        return XmlRpcServerCodec.MultiCallResponseValue(results);
    }

    private object? Invoke(string method, IReadOnlyList<object?> p, KojiWorldSession? session, bool sslLoginPath) => method switch
    {
        "getAPIVersion" => 1,
        "getKojiVersion" => Version,
        "getLastEvent" => GetLastEvent(KojiHubArguments.Bind(p, "getLastEvent", 0, "before", "strict")),
        "getEvent" => GetEvent(KojiHubArguments.Bind(p, "getEvent", 1, "id", "strict")),
        "getTag" => GetTag(KojiHubArguments.Bind(p, "get_tag", 1, "tagInfo", "strict", "event", "blocked")),
        "listTagged" => ListTagged(KojiHubArguments.Bind(p, "listTagged", 1,
            "tag", "event", "inherit", "prefix", "latest", "package", "owner", "type", "strict", "extra", "draft")),
        "getLatestBuilds" => GetLatestBuilds(KojiHubArguments.Bind(p, "getLatestBuilds", 1, "tag", "event", "package", "type", "draft")),
        "listBuilds" => ListBuilds(KojiHubArguments.Bind(p, "listBuilds", 0,
            "packageID", "userID", "taskID", "prefix", "state", "volumeID", "source", "createdBefore", "createdAfter",
            "completeBefore", "completeAfter", "type", "typeInfo", "queryOpts", "pattern", "cgID", "draft")),
        "getBuild" => GetBuild(KojiHubArguments.Bind(p, "get_build", 1, "buildInfo", "strict")),
        "listArchives" => ListArchives(KojiHubArguments.Bind(p, "list_archives", 0,
            "buildID", "buildrootID", "componentBuildrootID", "hostID", "type", "filename", "size", "checksum",
            "checksum_type", "typeInfo", "queryOpts", "imageID", "archiveID", "strict")),
        "listRPMs" => ListRpms(KojiHubArguments.Bind(p, "list_rpms", 0,
            "buildID", "buildrootID", "imageID", "componentBuildrootID", "hostID", "arches", "queryOpts", "draft")),
        "getPackageConfig" => GetPackageConfig(KojiHubArguments.Bind(p, "getPackageConfig", 2, "tag", "pkg", "event")),
        "checkTagPackage" => CheckTagPackage(KojiHubArguments.Bind(p, "checkTagPackage", 2, "tag", "pkg")),
        "listPackages" => ListPackages(KojiHubArguments.Bind(p, "listPackages", 0,
            "tagID", "userID", "pkgID", "prefix", "inherited", "with_dups", "event", "queryOpts", "with_owners", "with_blocked")),
        "queryHistory" => QueryHistory(KojiHubArguments.Bind(p, "query_history", 0,
            "tables", "tag", "package", "build", "user", "active", "afterEvent", "beforeEvent", "queryOpts")),
        "getRepo" => GetRepo(KojiHubArguments.Bind(p, "get_repo", 1, "tag", "state", "event", "dist", "min_event")),
        "getBuildTarget" => GetBuildTarget(KojiHubArguments.Bind(p, "get_build_target", 1, "info", "event", "strict")),
        "getFullInheritance" => GetFullInheritance(KojiHubArguments.Bind(p, "getFullInheritance", 1, "tag", "event", "reverse")),
        "listTasks" => ListTasks(KojiHubArguments.Bind(p, "listTasks", 0, "opts", "queryOpts")),
        "getTaskInfo" => GetTaskInfo(KojiHubArguments.Bind(p, "getTaskInfo", 1, "task_id", "request", "strict")),
        "login" => Login(KojiHubArguments.Bind(p, "login", 2, "username", "password", "session", "opts")),
        "sslLogin" => SslLogin(KojiHubArguments.Bind(p, "sslLogin", 0, "proxyuser"), sslLoginPath),
        "logout" => Logout(KojiHubArguments.Bind(p, "logout", 0, "session_id"), session),
        "getLoggedInUser" => session is null ? null : UserRow(world.Users.First(u => u.Id == session.UserId), session.AuthType),
        "packageListUnblock" => PackageListUnblock(KojiHubArguments.Bind(p, "pkglist_unblock", 2, "taginfo", "pkginfo", "force"), session),
        "kiwiBuild" => KiwiBuild(KojiHubArguments.Bind(p, "kiwiBuild", 4,
            "target", "arches", "desc_url", "desc_path", "optional_arches", "profile", "scratch", "priority", "make_prep",
            "repos", "release", "type", "type_attr", "result_bundle_name_format", "use_buildroot_repo", "version",
            "repo_releasever"), session),
        "build" => BuildTask(KojiHubArguments.Bind(p, "build", 2, "src", "target", "opts", "priority", "channel"), session),
        _ => throw KojiHubFault.Generic($"Invalid method: {method}"),
    };

    private int AtEvent(KojiHubArguments a) => a.Int("event") ?? world.LastEventId;

    private KojiWorldTag RequireTag(object? info, string what = "tagInfo") =>
        world.FindTag(info) ?? throw KojiHubFault.Generic($"No such {what}: {Quote(info)}");

    private static string Quote(object? value) => value is string s ? $"'{s}'" : XmlRpcValues.Describe(value);

    private string UserName(int id) => world.Users.FirstOrDefault(u => u.Id == id)?.Name ?? "kojiadmin";

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

    private XmlRpcStruct BuildRow(KojiWorldBuild build, bool withId)
    {
        var row = new XmlRpcStruct
        {
            ["build_id"] = build.Id,
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
        };
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

    private List<object?> ListArchives(KojiHubArguments a)
    {
        IEnumerable<KojiWorldArchive> archives = world.Archives;
        if (a.Int("buildID") is { } buildId)
        {
            archives = archives.Where(x => x.BuildId == buildId);
        }
        if (a.Int("archiveID") is { } archiveId)
        {
            archives = archives.Where(x => x.Id == archiveId);
        }
        var image = a.String("type") is "image";
        if (a.String("type") is { } type && !image)
        {
            archives = [];
        }
        if (a.Struct("typeInfo")?.GetStringOrNull("arch") is { } arch)
        {
            archives = archives.Where(x => x.Arch == arch);
        }
        return archives.Select(x => (object?)ArchiveRow(x, image)).ToList();
    }

    private static XmlRpcStruct ArchiveRow(KojiWorldArchive archive, bool withArch)
    {
        var (typeName, description, extensions, typeId) = ArchiveType(archive.Filename);
        var row = new XmlRpcStruct
        {
            ["btype"] = "image",
            ["btype_id"] = 4,
            ["build_id"] = archive.BuildId,
            ["buildroot_id"] = null,
            ["checksum"] = archive.Checksum,
            ["checksum_type"] = 2,
            ["compression_type"] = null,
            ["extra"] = new XmlRpcStruct { ["image"] = new XmlRpcStruct { ["arch"] = archive.Arch } },
            ["filename"] = archive.Filename,
            ["id"] = archive.Id,
            ["metadata_only"] = false,
            ["size"] = archive.Size,
            ["type_description"] = description,
            ["type_extensions"] = extensions,
            ["type_id"] = typeId,
            ["type_name"] = typeName,
        };
        if (withArch)
        {
            row["arch"] = archive.Arch;
        }
        return row;
    }

    // The type Koji assigns to .oci.tar.xz is not verified; "tar" is the generic archive type that matches it.
    private static (string Name, string Description, string Extensions, int Id) ArchiveType(string filename) => filename switch
    {
        _ when filename.EndsWith(".qcow2", StringComparison.Ordinal) => ("qcow2", "QCOW2 image", "qcow2", 21),
        _ when filename.EndsWith(".raw.xz", StringComparison.Ordinal) => ("raw-xz", "xz compressed raw disk image", "raw.xz", 45),
        _ => ("tar", "Tar file", "tar tar.gz tar.bz2 tar.xz", 4),
    };

    private List<object?> ListRpms(KojiHubArguments a)
    {
        IEnumerable<KojiWorldRpm> rpms = world.Rpms;
        if (a.Int("buildID") is { } buildId)
        {
            rpms = rpms.Where(r => r.BuildId == buildId);
        }
        if (a.Int("imageID") is { } archiveId)
        {
            var ids = world.Archives.FirstOrDefault(x => x.Id == archiveId)?.RpmIds ?? [];
            rpms = ids.Select(id => world.Rpms.First(r => r.Id == id));
        }
        if (a["arches"] is { } arches)
        {
            var wanted = arches is IReadOnlyList<object?> list ? list.OfType<string>().ToHashSet() : [arches as string ?? ""];
            rpms = rpms.Where(r => wanted.Contains(r.Arch));
        }
        return rpms.Select(r => (object?)RpmRow(r)).ToList();
    }

    private static XmlRpcStruct RpmRow(KojiWorldRpm rpm) => new()
    {
        ["arch"] = rpm.Arch,
        ["build_id"] = rpm.BuildId,
        ["buildroot_id"] = null,
        ["buildtime"] = rpm.BuildTime,
        ["draft"] = false,
        ["epoch"] = rpm.Epoch,
        ["external_repo_id"] = 0,
        ["external_repo_name"] = "INTERNAL",
        ["extra"] = null,
        ["id"] = rpm.Id,
        ["metadata_only"] = false,
        ["name"] = rpm.Name,
        ["nvr"] = $"{rpm.Name}-{rpm.Version}-{rpm.Release}",
        ["payloadhash"] = KojiWorld.FakeChecksum($"{rpm.Name}-{rpm.Version}-{rpm.Release}.{rpm.Arch}")[..32],
        ["release"] = rpm.Release,
        ["size"] = rpm.Size,
        ["version"] = rpm.Version,
    };

    private XmlRpcStruct? GetPackageConfig(KojiHubArguments a)
    {
        var tag = RequireTag(a["tag"]);
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
        return repo is null ? null : new XmlRpcStruct
        {
            ["begin_event"] = null,
            ["create_event"] = repo.CreateEvent,
            ["create_ts"] = KojiTime.ToEpochSeconds(repo.CreationTime),
            ["creation_time"] = KojiTime.Format(repo.CreationTime),
            ["dist"] = false,
            ["id"] = repo.Id,
            ["state"] = repo.State,
            ["tag_id"] = tag.Id,
            ["tag_name"] = tag.Name,
            ["task_id"] = null,
        };
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

    private object ListTasks(KojiHubArguments a)
    {
        var opts = a.Struct("opts") ?? new XmlRpcStruct();
        IEnumerable<KojiWorldTask> tasks = world.Tasks;
        if (opts.GetStringOrNull("method") is { } method)
        {
            tasks = tasks.Where(t => t.Method == method);
        }
        if (opts.GetOrNull("state") is IReadOnlyList<object?> states)
        {
            var wanted = states.OfType<int>().ToHashSet();
            tasks = tasks.Where(t => wanted.Contains(t.State));
        }
        if (opts.GetOrNull("owner") is { } owner)
        {
            // The hub formats owner into its query as an integer (%(owner)i); a user name fails there (text inferred).
            var id = owner is int number ? number : throw new KojiHubFault(1, "<class 'TypeError'>: %i format: a real number is required, not str");
            tasks = tasks.Where(t => t.OwnerId == id);
        }
        var decode = opts.GetBoolean("decode");
        var rows = tasks.Select(t => TaskRow(t, withRequest: true, decode)).ToList();
        return ApplyQueryOpts(rows, a.Struct("queryOpts"));
    }

    private XmlRpcStruct? GetTaskInfo(KojiHubArguments a)
    {
        var id = a.Int("task_id");
        var task = world.Tasks.FirstOrDefault(t => t.Id == id);
        if (task is null)
        {
            return a.Flag("strict") ? throw KojiHubFault.Generic($"No such task: {id}") : null;
        }
        return TaskRow(task, a.Flag("request"), decode: true);
    }

    private XmlRpcStruct TaskRow(KojiWorldTask task, bool withRequest, bool decode)
    {
        var row = new XmlRpcStruct
        {
            ["arch"] = task.Arch,
            ["awaited"] = null,
            ["channel_id"] = 1,
            ["completion_time"] = Time(task.CompletionTime),
            ["completion_ts"] = Ts(task.CompletionTime),
            ["create_time"] = KojiTime.Format(task.CreateTime),
            ["create_ts"] = KojiTime.ToEpochSeconds(task.CreateTime),
            ["host_id"] = task.State is 1 or 4 ? 1 : null,
            ["id"] = task.Id,
            ["label"] = null,
            ["method"] = task.Method,
            ["owner"] = task.OwnerId,
            ["owner_name"] = UserName(task.OwnerId),
            ["parent"] = null,
            ["priority"] = task.Priority,
            ["start_time"] = Time(task.StartTime),
            ["start_ts"] = Ts(task.StartTime),
            ["state"] = task.State,
            ["waiting"] = null,
            ["weight"] = 1.0,
        };
        if (withRequest)
        {
            row["request"] = decode ? KojiWorld.DecodeRequest(task.RequestXml).ToList() : task.RequestXml;
        }
        return row;
    }

    private XmlRpcStruct Login(KojiHubArguments a)
    {
        var user = world.FindUser(a.String("username"));
        if (user?.Password is null || user.Password != a.String("password"))
        {
            throw new KojiHubFault(1002, "invalid username or password");
        }
        return OpenSession(user, authType: 0);
    }

    private XmlRpcStruct SslLogin(KojiHubArguments a, bool sslLoginPath)
    {
        _ = a;
        var user = sslLoginPath ? world.Users.FirstOrDefault(u => u.Certificate) : null;
        if (user is null)
        {
            throw new KojiHubFault(1002, "could not verify client: NONE");
        }
        return OpenSession(user, authType: 2);
    }

    private XmlRpcStruct OpenSession(KojiWorldUser user, int authType)
    {
        var session = new KojiWorldSession
        {
            Id = world.Sessions.Count + 1, UserId = user.Id, AuthType = authType,
        };
        session.Key = KojiWorld.NewSessionKey(session.Id);
        world.Sessions.Add(session);
        return new XmlRpcStruct { ["session-id"] = session.Id, ["session-key"] = session.Key, ["header-auth"] = true };
    }

    private object? Logout(KojiHubArguments a, KojiWorldSession? session)
    {
        _ = a;
        if (session is not null)
        {
            session.Active = false;
        }
        return null;
    }

    private static XmlRpcStruct UserRow(KojiWorldUser user, int authType) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["status"] = 0,
        ["usertype"] = 0,
        ["krb_principals"] = new List<object?>(),
        ["authtype"] = authType,
        ["krb_principal"] = null,
    };

    private KojiWorldUser RequireLogin(KojiWorldSession? session) =>
        session is null
            ? throw new KojiHubFault(1004, "you must be logged in for this operation")
            : world.Users.First(u => u.Id == session.UserId);

    private object? PackageListUnblock(KojiHubArguments a, KojiWorldSession? session)
    {
        var user = RequireLogin(session);
        var tag = RequireTag(a["taginfo"]);
        var package = world.FindPackage(a["pkginfo"]);
        var now = world.LastEventId;
        var previous = package is null ? null : world.PackageEntry(tag, package.Id, now);
        if (package is null || previous is null)
        {
            throw KojiHubFault.Generic($"no data (full or inherited) for package {Quote(a["pkginfo"])} in tag {tag.Name}");
        }
        if (!previous.Blocked)
        {
            throw KojiHubFault.Generic($"package {package.Name} NOT blocked in tag {tag.Name}");
        }
        var eventId = world.NewEvent(clock);
        if (previous.TagId == tag.Id)
        {
            previous.RevokeEvent = eventId;
            previous.RevokerId = user.Id;
            // Removing the tag's own block may leave the package unlisted, or blocked by a parent: then list it unblocked.
            if (world.PackageEntry(tag, package.Id, eventId) is not { Blocked: false })
            {
                AddEntry(tag, package, previous, eventId, user);
            }
        }
        else
        {
            AddEntry(tag, package, previous, eventId, user);
        }
        return null;
    }

    private void AddEntry(KojiWorldTag tag, KojiWorldPackage package, KojiWorldPackageEntry previous, int eventId, KojiWorldUser user) =>
        world.PackageEntries.Add(new KojiWorldPackageEntry
        {
            TagId = tag.Id, PackageId = package.Id, Blocked = false, OwnerId = previous.OwnerId, ExtraArches = previous.ExtraArches,
            CreateEvent = eventId, CreatorId = user.Id,
        });

    private int KiwiBuild(KojiHubArguments a, KojiWorldSession? session)
    {
        var user = RequireLogin(session);
        if (!user.Permissions.Contains("image") && !user.Permissions.Contains("admin"))
        {
            throw new KojiHubFault(1004, $"image permission required (logged in as {user.Name})");
        }
        var targetName = a.String("target");
        var target = world.Targets.FirstOrDefault(t => t.Name == targetName)
            ?? throw KojiHubFault.Generic($"No such build target: {Quote(targetName)}");
        var options = new XmlRpcStruct();
        foreach (var name in new[] { "optional_arches", "profile", "scratch", "make_prep", "repos", "release", "type", "type_attr",
                     "result_bundle_name_format", "use_buildroot_repo", "version", "repo_releasever" })
        {
            if (a[name] is { } value)
            {
                options[name] = value;
            }
        }
        var eventId = world.NewEvent(clock);
        var now = world.EventTime(eventId);
        var task = new KojiWorldTask
        {
            Id = world.Tasks.Count + 1,
            Method = "kiwiBuild",
            State = 1,
            OwnerId = user.Id,
            Priority = a.Int("priority") ?? 20,
            CreateTime = now,
            StartTime = now,
            RequestXml = KojiWorld.EncodeRequest([targetName, a["arches"], a["desc_url"], a["desc_path"], options]),
        };
        world.Tasks.Add(task);
        if (!a.Flag("scratch"))
        {
            StartImageBuild(a, target, task, user, eventId, now);
        }
        return task.Id;
    }

    /// <summary>What the builder does first for a non-scratch kiwi task: reserve the NVR as a BUILDING image build.</summary>
    private void StartImageBuild(KojiHubArguments a, KojiWorldTarget target, KojiWorldTask task, KojiWorldUser user, int eventId, DateTimeOffset now)
    {
        var destTag = world.Tags.First(t => t.Id == target.DestTagId);
        var name = "Fedora-" + (a.String("profile") ?? Path.GetFileNameWithoutExtension(a.String("desc_path") ?? "Image"));
        var digits = new string(destTag.Name.Where(char.IsDigit).ToArray());
        var version = a.String("version") ?? (digits.Length > 0 ? digits : "1");
        var release = a.String("release") ?? NextRelease(name, version, now);
        world.Builds.Add(new KojiWorldBuild
        {
            Id = world.Builds.Count + 1,
            PackageId = world.EnsurePackage(name).Id,
            Name = name,
            Version = version,
            Release = release,
            State = 0,
            Type = "image",
            OwnerId = user.Id,
            TaskId = task.Id,
            CreationEventId = eventId,
            CreationTime = now,
            StartTime = now,
        });
    }

    private string NextRelease(string name, string version, DateTimeOffset now)
    {
        var day = now.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var n = 0;
        while (world.Builds.Any(b => b.Name == name && b.Version == version && b.Release == $"{day}.{n}"))
        {
            n++;
        }
        return $"{day}.{n}";
    }

    private int BuildTask(KojiHubArguments a, KojiWorldSession? session)
    {
        var user = RequireLogin(session);
        var targetName = a.String("target");
        _ = world.Targets.FirstOrDefault(t => t.Name == targetName) ?? throw KojiHubFault.Generic($"No such build target: {Quote(targetName)}");
        var eventId = world.NewEvent(clock);
        var task = new KojiWorldTask
        {
            Id = world.Tasks.Count + 1,
            Method = "build",
            State = 0,
            OwnerId = user.Id,
            CreateTime = world.EventTime(eventId),
            RequestXml = KojiWorld.EncodeRequest([a["src"], targetName, a["opts"] ?? new XmlRpcStruct()]),
        };
        world.Tasks.Add(task);
        return task.Id;
    }
}

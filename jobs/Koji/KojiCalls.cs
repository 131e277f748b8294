using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// Typed hub calls, usable alone or batched in a multicall. Tags, packages and targets are passed by name, NVR
/// parts always as strings. Calls that read versioned data take <c>atEvent</c>, sent as <c>event=</c>, so a batch
/// reads one consistent snapshot.
/// </summary>
public static class KojiCalls
{
    public static KojiCall<KojiEvent> GetLastEvent(DateTimeOffset? before = null) =>
        new("getLastEvent", [], Kwargs(("before", before is { } time ? KojiTime.ToEpochSeconds(time) : null)),
            value => KojiEvent.From(Struct(value)));

    /// <summary>Null when the tag does not exist.</summary>
    public static KojiCall<KojiTag?> GetTag(string tag, int? atEvent = null) =>
        new("getTag", [tag], Kwargs(("event", atEvent)), value => OptionalStruct(value) is { } row ? KojiTag.From(row) : null);

    /// <summary>Complete builds in the tag, most recently tagged first. Fault 1000 when the tag does not exist.</summary>
    public static KojiCall<IReadOnlyList<KojiBuild>> ListTagged(string tag, ListTaggedOptions? options = null)
    {
        options ??= new ListTaggedOptions();
        return new("listTagged", [tag],
            Kwargs(("event", options.AtEvent), ("inherit", options.Inherit ? true : null), ("latest", options.Latest ? true : null),
                ("package", options.Package), ("type", options.Type)),
            Rows(KojiBuild.From));
    }

    /// <summary>The latest (most recently tagged) build per package, following inheritance. Empty when the package has none or is blocked.</summary>
    public static KojiCall<IReadOnlyList<KojiBuild>> GetLatestBuilds(string tag, string? package = null, string? type = null, int? atEvent = null) =>
        new("getLatestBuilds", [tag], Kwargs(("event", atEvent), ("package", package), ("type", type)), Rows(KojiBuild.From));

    public static KojiCall<IReadOnlyList<KojiBuild>> ListBuilds(ListBuildsQuery query)
    {
        var queryOpts = Kwargs(("order", query.Order), ("limit", query.Limit));
        return new("listBuilds", [],
            Kwargs(("packageID", query.Package), ("state", query.State is { } state ? (int)state : null), ("type", query.Type),
                ("taskID", query.TaskId),
                ("createdAfter", Epoch(query.CreatedAfter)), ("createdBefore", Epoch(query.CreatedBefore)),
                ("completeAfter", Epoch(query.CompletedAfter)), ("completeBefore", Epoch(query.CompletedBefore)),
                ("queryOpts", queryOpts.Count > 0 ? queryOpts : null)),
            Rows(KojiBuild.From));
    }

    /// <summary>Null when there is no such build.</summary>
    public static KojiCall<KojiBuild?> GetBuild(int buildId) =>
        new("getBuild", [buildId], null, value => OptionalStruct(value) is { } row ? KojiBuild.From(row) : null);

    /// <summary>Null when there is no such build.</summary>
    public static KojiCall<KojiBuild?> GetBuild(string nvr) =>
        new("getBuild", [nvr], null, value => OptionalStruct(value) is { } row ? KojiBuild.From(row) : null);

    /// <summary>Archives of a build; with <paramref name="type"/> <c>image</c> each row has its arch.</summary>
    public static KojiCall<IReadOnlyList<KojiArchive>> ListArchives(int buildId, string? type = null) =>
        new("listArchives", [], Kwargs(("buildID", buildId), ("type", type)), Rows(KojiArchive.From));

    /// <summary>RPMs a build produced.</summary>
    public static KojiCall<IReadOnlyList<KojiRpm>> ListBuildRpms(int buildId) =>
        new("listRPMs", [], Kwargs(("buildID", buildId)), Rows(KojiRpm.From));

    /// <summary>RPMs recorded as components of an image archive (<c>imageID</c> is an archive id, not a build id).</summary>
    public static KojiCall<IReadOnlyList<KojiRpm>> ListImageRpms(int archiveId) =>
        new("listRPMs", [], Kwargs(("imageID", archiveId)), Rows(KojiRpm.From));

    /// <summary>The inherited package-list entry, or null when the package is not listed in the tag or its parents.</summary>
    public static KojiCall<KojiPackageConfig?> GetPackageConfig(string tag, string package, int? atEvent = null) =>
        new("getPackageConfig", [tag, package], Kwargs(("event", atEvent)),
            value => OptionalStruct(value) is { } row ? KojiPackageConfig.From(row) : null);

    /// <summary>Package-list entries of a tag, blocked ones included.</summary>
    public static KojiCall<IReadOnlyList<KojiPackageConfig>> ListPackages(string tag, string? package = null, bool inherited = false, int? atEvent = null) =>
        new("listPackages", [], Kwargs(("tagID", tag), ("pkgID", package), ("inherited", inherited ? true : null), ("event", atEvent)),
            Rows(KojiPackageConfig.From));

    public static KojiCall<IReadOnlyDictionary<string, IReadOnlyList<KojiHistoryRow>>> QueryHistory(KojiHistoryQuery query) =>
        new("queryHistory", [],
            Kwargs(("tables", query.Tables.Count > 0 ? query.Tables.Cast<object?>().ToList() : null), ("tag", query.Tag),
                ("package", query.Package), ("build", query.Build), ("afterEvent", query.AfterEvent),
                ("beforeEvent", query.BeforeEvent), ("active", query.Active)),
            value => Struct(value).ToDictionary(
                table => table.Key,
                table => (IReadOnlyList<KojiHistoryRow>)List(table.Value).Select(row => KojiHistoryRow.From(table.Key, Struct(row))).ToList()));

    /// <summary>The newest READY repo of a tag; with <paramref name="minEvent"/>, only one that includes that event. Null when none.</summary>
    public static KojiCall<KojiRepo?> GetRepo(string tag, int? minEvent = null) =>
        new("getRepo", [tag], Kwargs(("min_event", minEvent)), value => OptionalStruct(value) is { } row ? KojiRepo.From(row) : null);

    /// <summary>The tag's ancestors, nearest first (the tag itself is not in the list). Fault 1000 when the tag does not exist.</summary>
    public static KojiCall<IReadOnlyList<KojiTagParent>> GetFullInheritance(string tag, int? atEvent = null) =>
        new("getFullInheritance", [tag], Kwargs(("event", atEvent)), Rows(KojiTagParent.From));

    public static KojiCall<KojiBuildTarget?> GetBuildTarget(string target, int? atEvent = null) =>
        new("getBuildTarget", [target], Kwargs(("event", atEvent)),
            value => OptionalStruct(value) is { } row ? KojiBuildTarget.From(row) : null);

    public static KojiCall<IReadOnlyList<KojiTaskInfo>> ListTasks(KojiTaskQuery query)
    {
        var opts = Kwargs(("method", query.Method),
            ("state", query.States.Count > 0 ? query.States.Select(state => (object?)(int)state).ToList() : null),
            ("owner", query.OwnerId), ("createdAfter", Epoch(query.CreatedAfter)), ("decode", true));
        var queryOpts = Kwargs(("order", query.Order), ("limit", query.Limit));
        return new("listTasks", [], Kwargs(("opts", opts), ("queryOpts", queryOpts.Count > 0 ? queryOpts : null)), Rows(KojiTaskInfo.From));
    }

    public static KojiCall<KojiTaskInfo?> GetTaskInfo(int taskId, bool withRequest = true) =>
        new("getTaskInfo", [taskId], Kwargs(("request", withRequest ? true : null)),
            value => OptionalStruct(value) is { } row ? KojiTaskInfo.From(row) : null);

    public static KojiCall<KojiUser?> GetLoggedInUser() =>
        new("getLoggedInUser", [], null, value => OptionalStruct(value) is { } row ? KojiUser.From(row) : null);

    /// <summary>Write (needs a session): unblocks the package in the tag. Fault 1000 "package X NOT blocked in tag Y" when it is not blocked.</summary>
    public static KojiCall<object?> PackageListUnblock(string tag, string package) =>
        new("packageListUnblock", [tag, package], null, value => value);

    /// <summary>Write (needs a session with the <c>image</c> permission): starts a kiwi image build; returns the task id.</summary>
    public static KojiCall<int> KiwiBuild(KiwiBuildRequest request) =>
        new("kiwiBuild", [request.Target, request.Arches.Cast<object?>().ToList(), request.DescriptionUrl, request.DescriptionPath],
            Kwargs(("optional_arches", request.OptionalArches.Count > 0 ? request.OptionalArches.Cast<object?>().ToList() : null),
                ("profile", request.Profile), ("scratch", request.Scratch ? true : null), ("priority", request.Priority),
                ("repos", request.Repos.Count > 0 ? request.Repos.Cast<object?>().ToList() : null),
                ("release", request.Release), ("type", request.Type), ("result_bundle_name_format", request.ResultBundleNameFormat),
                ("use_buildroot_repo", request.UseBuildrootRepo), ("version", request.Version),
                ("repo_releasever", request.RepoReleasever)),
            TaskId);

    /// <summary>Write (needs a session): <c>build(src, target, opts)</c>; returns the task id.</summary>
    public static KojiCall<int> Build(string source, string target, XmlRpcStruct? options = null) =>
        new("build", options is null ? [source, target] : [source, target, options], null, TaskId);

    internal static KojiCall<KojiSessionInfo> Login(string user, string password) =>
        new("login", [user, password], null, value => KojiSessionInfo.From(Struct(value)));

    internal static KojiCall<KojiSessionInfo> SslLogin() =>
        new("sslLogin", [], null, value => KojiSessionInfo.From(Struct(value)));

    internal static KojiCall<object?> Logout() => new("logout", [], null, value => value);

    private static double? Epoch(DateTimeOffset? time) => time is { } t ? KojiTime.ToEpochSeconds(t) : null;

    /// <summary>Keyword arguments without the unset ones, in the given order.</summary>
    private static XmlRpcStruct Kwargs(params (string Name, object? Value)[] members)
    {
        var kwargs = new XmlRpcStruct();
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                kwargs[name] = value;
            }
        }
        return kwargs;
    }

    private static int TaskId(object? value) => value switch
    {
        int id => id,
        long id => checked((int)id),
        _ => throw new XmlRpcFormatException($"expected a task id, got {XmlRpcValues.TypeName(value)}"),
    };

    private static XmlRpcStruct Struct(object? value) =>
        value as XmlRpcStruct ?? throw new XmlRpcFormatException($"expected a struct, got {XmlRpcValues.TypeName(value)}");

    private static XmlRpcStruct? OptionalStruct(object? value) => value is null ? null : Struct(value);

    private static IReadOnlyList<object?> List(object? value) =>
        value as IReadOnlyList<object?> ?? throw new XmlRpcFormatException($"expected an array, got {XmlRpcValues.TypeName(value)}");

    private static Func<object?, IReadOnlyList<TRow>> Rows<TRow>(Func<XmlRpcStruct, TRow> read) =>
        value => List(value).Select(row => read(Struct(row))).ToList();
}

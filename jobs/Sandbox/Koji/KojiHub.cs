using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;
using Releng.Jobs.Sandbox.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>
/// The fake hub's calls over a <see cref="KojiWorld"/>: argument binding, sessions, multicall,
/// and the reads and writes the jobs use, with rows shaped (and members ordered) like Koji 1.35's.
/// The caller holds the world's lock.
/// </summary>
internal sealed partial class KojiHub(KojiWorld world, DateTimeOffset clock)
{
    private const string Version = "1.35.3";

    /// <summary>
    /// The Kerberos principal the web server in front authenticated for <c>/ssllogin</c> (its <c>REMOTE_USER</c>),
    /// when there is one: the sandbox itself has none, the Kerberos tests put Apache with mod_auth_gssapi in front.
    /// </summary>
    public string? RemoteUser { get; init; }

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
            var session = Authenticate(header);
            var result = call.MethodName is "system.multicall" or "multiCall"
                ? MultiCall(call, session, sslLoginPath)
                : Invoke(call.MethodName, call.Params, session, sslLoginPath);
            return (200, "text/xml", XmlRpcServerCodec.EncodeResponse(result));
        }
        catch (KojiHubFault fault)
        {
            return (200, "text/xml", XmlRpcServerCodec.EncodeFault(new XmlRpcFault(fault.Code, fault.Message)));
        }
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

    /// <summary>Koji's get_tag_id(strict=True): "No such entry in table tag: X" (no quotes), unlike getTag's "No such tagInfo: 'X'".</summary>
    private KojiWorldTag RequireTag(object? info) =>
        world.FindTag(info) ?? throw KojiHubFault.Generic($"No such entry in table tag: {info}");

    private static string Quote(object? value) => value is string s ? $"'{s}'" : XmlRpcValues.Describe(value);

    private string UserName(int id) => world.Users.FirstOrDefault(u => u.Id == id)?.Name ?? "kojiadmin";
}

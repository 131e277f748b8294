using System.Collections.Concurrent;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// WireMock.Net routes that answer like src.fedoraproject.org (Pagure API 0.31 with the dist-git layout) over
/// <see cref="DistGitWorld"/>: metadata from the world, branches and files read from the bare repositories with
/// git, writes that create repositories and refs. Any <c>Authorization: token …</c> is accepted on writes and
/// belongs to <see cref="DistGitWorld.TokenUser"/>, a site admin; no header or another scheme is refused like
/// Pagure refuses it.
/// <para>
/// git runs outside the world's lock, which every fake shares: metadata is read and changed under that lock, the
/// bare repositories under a lock of their own per repository, so a fork/exec here never holds up another fake.
/// </para>
/// </summary>
public sealed partial class DistGitFake(SandboxWorld world) : IServiceFake
{
    private const string Segment = "[^/]+";
    private const int Specific = 1;
    private const int Generic = 10;

    private readonly ConcurrentDictionary<string, object> _repositoryLocks = new(StringComparer.Ordinal);

    public string Service => Services.ServiceName.DistGit;

    private DistGitWorld DistGit => world.DistGit;

    public void Map(WireMockServer server)
    {
        Route(server, "GET", "/api/0/-/version", Specific, _ => JsonResponse(200, new SortedDictionary<string, object?> { ["version"] = "0.31" }));
        Route(server, "POST", "/api/0/-/whoami", Specific, request => Authorized(request, () =>
            JsonResponse(200, new SortedDictionary<string, object?> { ["username"] = DistGitWorld.TokenUser })));
        Route(server, "GET", "/api/0/users/?", Specific, request => Locked(() => SearchUsers(request)));
        Route(server, "GET", $"/api/0/user/{Segment}/?", Specific, request => Locked(() => ViewUser(request)));
        Route(server, "POST", "/api/0/new/?", Specific, request => Authorized(request, () => CreateProject(request)));
        Route(server, "GET", $"/api/0/{Segment}/{Segment}/git/branches/?", Specific, ListBranches);
        Route(server, "POST", $"/api/0/{Segment}/{Segment}/git/branch/?", Specific, request => Authorized(request, () => CreateBranch(request)));
        Route(server, "GET", $"/api/0/{Segment}/{Segment}/c/{Segment}/info/?", Specific, CommitInfo);
        Route(server, "GET", $"/{Segment}/{Segment}/c/[^/]+\\.patch", Specific, CommitPatch);
        Route(server, "GET", $"/{Segment}/{Segment}/raw/{Segment}/f/.+", Specific, RawFile);
        Route(server, "GET", $"/api/0/{Segment}/{Segment}/?", Generic, request => Locked(() => ViewProject(request)));
        Route(server, "PATCH", $"/api/0/{Segment}/{Segment}/?", Generic, request => Authorized(request, () => Locked(() => ModifyProject(request))));
    }

    private static void Route(WireMockServer server, string method, string pathPattern, int priority, Func<IRequestMessage, ResponseMessage> handler) =>
        server.Given(Request.Create().WithPath(new RegexMatcher($"^{pathPattern}$")).UsingMethod(method))
            .AtPriority(priority)
            .RespondWith(Response.Create().WithCallback(handler));

    /// <summary>Metadata work under the world's lock; never git in here.</summary>
    private T Locked<T>(Func<T> work)
    {
        lock (world.Sync)
        {
            return work();
        }
    }

    private bool ProjectExists(string ns, string name) => Locked(() => DistGit.Find(ns, name) is not null);

    /// <summary>git work on one bare repository, serialised per repository only.</summary>
    private T InRepository<T>(string path, Func<T> work)
    {
        lock (_repositoryLocks.GetOrAdd(path, _ => new object()))
        {
            return work();
        }
    }
}

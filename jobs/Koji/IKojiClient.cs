namespace Releng.Jobs.Koji;

/// <summary>
/// Anonymous, read-only access to a Koji hub, plus <see cref="LoginAsync"/> for writes. Every read is safe to
/// retry. Batch reads go out as <c>system.multicall</c> requests (see <see cref="KojiClientOptions"/>), so asking
/// about 200 packages costs one HTTP request, not 200; pass the same <c>atEvent</c> (from
/// <see cref="GetLastEventAsync"/>) to every read of one decision for a consistent snapshot.
/// </summary>
public interface IKojiClient
{
    Uri HubUrl { get; }

    /// <summary>How <see cref="LoginAsync"/> will open a session, chosen from the credentials present.</summary>
    KojiLogin Login { get; }

    /// <summary>Runs one call. A fault is thrown as the <see cref="KojiFaultException"/> subclass for its code.</summary>
    Task<T> CallAsync<T>(KojiCall<T> call, CancellationToken cancellationToken = default);

    /// <summary>Runs calls in as few multicall requests as the batch bounds allow; results in call order, each a value or its own fault.</summary>
    Task<IReadOnlyList<KojiResult<T>>> MultiCallAsync<T>(IEnumerable<KojiCall<T>> calls, CancellationToken cancellationToken = default);

    Task<KojiEvent> GetLastEventAsync(DateTimeOffset? before = null, CancellationToken cancellationToken = default);
    Task<KojiTag?> GetTagAsync(string tag, int? atEvent = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiBuild>> ListTaggedAsync(string tag, ListTaggedOptions? options = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiBuild>> GetLatestBuildsAsync(string tag, string? package = null, string? type = null, int? atEvent = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiBuild>> ListBuildsAsync(ListBuildsQuery query, CancellationToken cancellationToken = default);
    Task<KojiBuild?> GetBuildAsync(int buildId, CancellationToken cancellationToken = default);
    Task<KojiBuild?> GetBuildAsync(string nvr, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiArchive>> ListArchivesAsync(int buildId, string? type = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiRpm>> ListBuildRpmsAsync(int buildId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiRpm>> ListImageRpmsAsync(int archiveId, CancellationToken cancellationToken = default);
    Task<KojiPackageConfig?> GetPackageConfigAsync(string tag, string package, int? atEvent = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiPackageConfig>> ListPackagesAsync(string tag, string? package = null, bool inherited = false, int? atEvent = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<string, IReadOnlyList<KojiHistoryRow>>> QueryHistoryAsync(KojiHistoryQuery query, CancellationToken cancellationToken = default);
    Task<KojiRepo?> GetRepoAsync(string tag, int? minEvent = null, CancellationToken cancellationToken = default);
    Task<KojiBuildTarget?> GetBuildTargetAsync(string target, int? atEvent = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<KojiTaskInfo>> ListTasksAsync(KojiTaskQuery query, CancellationToken cancellationToken = default);
    Task<KojiTaskInfo?> GetTaskInfoAsync(int taskId, CancellationToken cancellationToken = default);

    /// <summary>Batched <c>getPackageConfig</c>: package → inherited entry (null when not listed). Throws the first fault.</summary>
    Task<IReadOnlyDictionary<string, KojiPackageConfig?>> GetPackageConfigsAsync(
        string tag, IEnumerable<string> packages, int? atEvent = null, CancellationToken cancellationToken = default);

    /// <summary>Batched <c>getLatestBuilds(tag, package=…)</c>: package → latest build, null when it has none (untagged, blocked, retired). Throws the first fault.</summary>
    Task<IReadOnlyDictionary<string, KojiBuild?>> GetLatestBuildPerPackageAsync(
        string tag, IEnumerable<string> packages, string? type = null, int? atEvent = null, CancellationToken cancellationToken = default);

    /// <summary>Batched <c>getBuild</c>: build id → build (null when missing).</summary>
    Task<IReadOnlyDictionary<int, KojiBuild?>> GetBuildsAsync(IEnumerable<int> buildIds, CancellationToken cancellationToken = default);

    /// <summary>Batched <c>listRPMs(imageID=…)</c>: archive id → its component RPMs.</summary>
    Task<IReadOnlyDictionary<int, IReadOnlyList<KojiRpm>>> ListImageRpmsAsync(IEnumerable<int> archiveIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an authenticated session for writes as <see cref="Login"/> says: Kerberos (<c>sslLogin</c> at
    /// <c>/ssllogin</c> with HTTP Negotiate) when <c>KRB5_KEYTAB</c>/<c>KRB5_PRINCIPAL</c> are set, else <c>sslLogin</c>
    /// with <c>KOJI_CLIENT_CERT</c>, else <c>login</c> with <c>KOJI_USER</c>/<c>KOJI_PASSWORD</c>. A session that
    /// expires is opened again. Dispose the session to log out.
    /// </summary>
    Task<IKojiSession> LoginAsync(CancellationToken cancellationToken = default);
}

using System.Security.Cryptography;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Koji.XmlRpc;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Jobs.Koji;

/// <summary>The <see cref="IKojiClient"/> over the named <c>koji</c> HttpClient (registered by <see cref="KojiServiceCollectionExtensions.AddKoji"/>).</summary>
public sealed class KojiClient : IKojiClient
{
    private readonly KojiTransport _transport;
    private readonly Credentials _credentials;
    private readonly KojiClientOptions _options;
    private readonly KerberosEnvironment _kerberos;

    /// <param name="kerberos">What the process was started with (for a Kerberos login); read from the process when not given.</param>
    public KojiClient(
        IHttpClientFactory httpClients, Uri hubUrl, Credentials credentials, KojiClientOptions? options = null,
        string httpClientName = ServiceName.Koji, KerberosEnvironment? kerberos = null)
    {
        _transport = new KojiTransport(httpClients, httpClientName);
        HubUrl = hubUrl;
        _credentials = credentials;
        _options = options ?? KojiClientOptions.Default;
        _kerberos = kerberos ?? KerberosEnvironment.FromProcess();
        Login = KojiLogin.For(credentials);
    }

    public Uri HubUrl { get; }

    public KojiLogin Login { get; }

    /// <summary>Where the reference client sends <c>sslLogin</c>: the same application under <c>/ssllogin</c>.</summary>
    public Uri SslLoginUrl => SslLoginUrlOf(HubUrl);

    public static Uri SslLoginUrlOf(Uri hub) => new(hub.ToString().TrimEnd('/') + "/ssllogin");

    public async Task<T> CallAsync<T>(KojiCall<T> call, CancellationToken cancellationToken = default)
    {
        // Anonymous calls cannot change anything (writes need a session), so every one of them may be retried.
        var result = await _transport.SendAsync(HubUrl, call.Method, XmlRpcCodec.EncodeCall(call.ToXmlRpc()), idempotent: true, null, cancellationToken);
        return KojiMultiCall.Unwrap(call, result);
    }

    public Task<IReadOnlyList<KojiResult<T>>> MultiCallAsync<T>(IEnumerable<KojiCall<T>> calls, CancellationToken cancellationToken = default) =>
        KojiMultiCall.RunAsync(calls.ToList(), _options, concurrent: true,
            (body, ct) => _transport.SendAsync(HubUrl, KojiMultiCall.Method, body, idempotent: true, null, ct), cancellationToken);

    public Task<KojiEvent> GetLastEventAsync(DateTimeOffset? before = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetLastEvent(before), cancellationToken);

    public Task<KojiTag?> GetTagAsync(string tag, int? atEvent = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetTag(tag, atEvent), cancellationToken);

    public Task<IReadOnlyList<KojiBuild>> ListTaggedAsync(string tag, ListTaggedOptions? options = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListTagged(tag, options), cancellationToken);

    public Task<IReadOnlyList<KojiBuild>> GetLatestBuildsAsync(
        string tag, string? package = null, string? type = null, int? atEvent = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetLatestBuilds(tag, package, type, atEvent), cancellationToken);

    public Task<IReadOnlyList<KojiBuild>> ListBuildsAsync(ListBuildsQuery query, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListBuilds(query), cancellationToken);

    public Task<KojiBuild?> GetBuildAsync(int buildId, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetBuild(buildId), cancellationToken);

    public Task<KojiBuild?> GetBuildAsync(string nvr, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetBuild(nvr), cancellationToken);

    public Task<IReadOnlyList<KojiArchive>> ListArchivesAsync(int buildId, string? type = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListArchives(buildId, type), cancellationToken);

    public Task<IReadOnlyList<KojiRpm>> ListBuildRpmsAsync(int buildId, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListBuildRpms(buildId), cancellationToken);

    public Task<IReadOnlyList<KojiRpm>> ListImageRpmsAsync(int archiveId, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListImageRpms(archiveId), cancellationToken);

    public Task<KojiPackageConfig?> GetPackageConfigAsync(string tag, string package, int? atEvent = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetPackageConfig(tag, package, atEvent), cancellationToken);

    public Task<IReadOnlyList<KojiPackageConfig>> ListPackagesAsync(
        string tag, string? package = null, bool inherited = false, int? atEvent = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListPackages(tag, package, inherited, atEvent), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<KojiHistoryRow>>> QueryHistoryAsync(
        KojiHistoryQuery query, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.QueryHistory(query), cancellationToken);

    public Task<KojiRepo?> GetRepoAsync(string tag, int? minEvent = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetRepo(tag, minEvent), cancellationToken);

    public Task<KojiBuildTarget?> GetBuildTargetAsync(string target, int? atEvent = null, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetBuildTarget(target, atEvent), cancellationToken);

    public Task<IReadOnlyList<KojiTaskInfo>> ListTasksAsync(KojiTaskQuery query, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.ListTasks(query), cancellationToken);

    public Task<KojiTaskInfo?> GetTaskInfoAsync(int taskId, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetTaskInfo(taskId), cancellationToken);

    public async Task<IReadOnlyDictionary<string, KojiPackageConfig?>> GetPackageConfigsAsync(
        string tag, IEnumerable<string> packages, int? atEvent = null, CancellationToken cancellationToken = default)
    {
        var names = packages.Distinct(StringComparer.Ordinal).ToList();
        var results = await MultiCallAsync(names.Select(name => KojiCalls.GetPackageConfig(tag, name, atEvent)), cancellationToken);
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, KojiBuild?>> GetLatestBuildPerPackageAsync(
        string tag, IEnumerable<string> packages, string? type = null, int? atEvent = null, CancellationToken cancellationToken = default)
    {
        var names = packages.Distinct(StringComparer.Ordinal).ToList();
        var results = await MultiCallAsync(names.Select(name => KojiCalls.GetLatestBuilds(tag, name, type, atEvent)), cancellationToken);
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.Value.FirstOrDefault(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<int, KojiBuild?>> GetBuildsAsync(IEnumerable<int> buildIds, CancellationToken cancellationToken = default)
    {
        var ids = buildIds.Distinct().ToList();
        var results = await MultiCallAsync(ids.Select(KojiCalls.GetBuild), cancellationToken);
        return ids.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.Value);
    }

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<KojiRpm>>> ListImageRpmsAsync(
        IEnumerable<int> archiveIds, CancellationToken cancellationToken = default)
    {
        var ids = archiveIds.Distinct().ToList();
        var results = await MultiCallAsync(ids.Select(KojiCalls.ListImageRpms), cancellationToken);
        return ids.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.Value);
    }

    public async Task<IKojiSession> LoginAsync(CancellationToken cancellationToken = default)
    {
        var session = await OpenSessionAsync(cancellationToken);
        // An expired session is opened again the same way, and the refused call sent again (the hub did not run it).
        return new KojiSession(_transport, HubUrl, session, _options, OpenSessionAsync);
    }

    private async Task<KojiSessionInfo> OpenSessionAsync(CancellationToken cancellationToken)
    {
        switch (Login.Method)
        {
            case KojiLoginMethod.Kerberos:
                if (_kerberos.Problem(_credentials) is { } problem)
                {
                    throw new KojiCredentialsException($"cannot log in to Koji with Kerberos: {problem}");
                }
                try
                {
                    return await LoginCallAsync(KojiCalls.SslLogin(), SslLoginUrl, cancellationToken);
                }
                catch (KojiProtocolException e) when (e.HttpStatus == 401)
                {
                    throw new KojiCredentialsException(KojiMessages.TicketRefused(SslLoginUrl));
                }
            case KojiLoginMethod.Certificate:
                CheckCertificate(_credentials.KojiClientCert!);
                return await LoginCallAsync(KojiCalls.SslLogin(), SslLoginUrl, cancellationToken);
            case KojiLoginMethod.Password:
                return await LoginCallAsync(KojiCalls.Login(_credentials.KojiUser!, _credentials.KojiPassword!), HubUrl, cancellationToken);
            default:
                throw new KojiCredentialsException(
                    "no Koji credentials: set KRB5_KEYTAB and KRB5_PRINCIPAL, or KOJI_CLIENT_CERT, or KOJI_USER and KOJI_PASSWORD");
        }
    }

    private async Task<KojiSessionInfo> LoginCallAsync(KojiCall<KojiSessionInfo> call, Uri url, CancellationToken cancellationToken)
    {
        // Not marked idempotent: a repeated login would open a second session.
        var result = await _transport.SendAsync(url, call.Method, XmlRpcCodec.EncodeCall(call.ToXmlRpc()), idempotent: false, null, cancellationToken);
        return KojiMultiCall.Unwrap(call, result);
    }

    private static void CheckCertificate(string path)
    {
        if (!KojiClientCertificate.IsPemText(path) && !File.Exists(path))
        {
            throw new KojiCredentialsException("the client certificate file named by KOJI_CLIENT_CERT does not exist");
        }
        try
        {
            using var _ = KojiClientCertificate.Load(path);
        }
        catch (CryptographicException e)
        {
            throw new KojiCredentialsException($"the client certificate named by KOJI_CLIENT_CERT cannot be loaded: {e.Message}");
        }
    }
}

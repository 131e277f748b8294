using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// The <see cref="IKojiSession"/>: serializes calls, numbers them from 0, maps 1008/1009 to <see cref="KojiCallNumberException"/>,
/// and on <c>AuthExpired</c> opens a new session the way the first was opened and sends the refused call again, once
/// (the hub refuses an expired session before it runs the call, so nothing is done twice).
/// </summary>
internal sealed class KojiSession : IKojiSession
{
    private readonly KojiTransport _transport;
    private readonly Uri _hub;
    private readonly KojiClientOptions _options;
    private readonly Func<CancellationToken, Task<KojiSessionInfo>>? _relogin;
    private KojiSessionInfo _session;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _nextCallNumber;
    private bool _closed;

    public KojiSession(
        KojiTransport transport, Uri hub, KojiSessionInfo session, KojiClientOptions options,
        Func<CancellationToken, Task<KojiSessionInfo>>? relogin = null)
    {
        _transport = transport;
        _hub = hub;
        _session = session;
        _options = options;
        _relogin = relogin;
    }

    public int SessionId => _session.SessionId;

    public async Task<T> CallAsync<T>(KojiCall<T> call, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(call.Method, XmlRpcCodec.EncodeCall(call.ToXmlRpc()), cancellationToken);
        return KojiMultiCall.Unwrap(call, result);
    }

    /// <summary>Session multicalls take one call number per HTTP request and run batch after batch.</summary>
    public Task<IReadOnlyList<KojiResult<T>>> MultiCallAsync<T>(IEnumerable<KojiCall<T>> calls, CancellationToken cancellationToken = default) =>
        KojiMultiCall.RunAsync(calls.ToList(), _options, concurrent: false,
            (body, ct) => SendAsync(KojiMultiCall.Method, body, ct), cancellationToken);

    public Task<KojiUser?> GetLoggedInUserAsync(CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.GetLoggedInUser(), cancellationToken);

    public Task UnblockPackageAsync(string tag, string package, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.PackageListUnblock(tag, package), cancellationToken);

    public Task<int> KiwiBuildAsync(KiwiBuildRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.KiwiBuild(request), cancellationToken);

    public Task<int> BuildAsync(string source, string target, bool scratch = false, CancellationToken cancellationToken = default) =>
        CallAsync(KojiCalls.Build(source, target, scratch ? new XmlRpcStruct { ["scratch"] = true } : null), cancellationToken);

    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }
        await CallAsync(KojiCalls.Logout(), cancellationToken);
        _closed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await LogoutAsync();
        }
        catch (KojiException)
        {
            // The session expires on its own; failing to close it early must not hide the run's real outcome.
        }
        _gate.Dispose();
    }

    private async Task<XmlRpcResult> SendAsync(string method, string body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (result, headers) = await SendOnceAsync(method, body, cancellationToken);
            if (result.Fault is { Code: KojiFaultCode.AuthExpired } && _relogin is not null && method != KojiCalls.Logout().Method)
            {
                _session = await _relogin(cancellationToken);
                _nextCallNumber = 0;
                (result, headers) = await SendOnceAsync(method, body, cancellationToken);
            }
            if (result.Fault is { Code: KojiFaultCode.Sequence or KojiFaultCode.Retry } fault)
            {
                throw new KojiCallNumberException(method, fault.Code, fault.Message, _session.SessionId, headers.CallNumber);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(XmlRpcResult Result, KojiSessionHeaders Headers)> SendOnceAsync(string method, string body, CancellationToken cancellationToken)
    {
        // The number is used up even when the call fails: the hub may have committed it before the answer was lost.
        var headers = new KojiSessionHeaders(_session.SessionId, _session.SessionKey, _nextCallNumber++);
        return (await _transport.SendAsync(_hub, method, body, idempotent: false, headers, cancellationToken), headers);
    }
}

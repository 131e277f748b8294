namespace Releng.Jobs.Http;

/// <summary>Caps the requests in flight to one service, so concurrent reads stay polite.</summary>
public sealed class ConcurrencyLimitHandler(SemaphoreSlim gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}

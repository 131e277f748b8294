using System.Diagnostics;

namespace Releng.Jobs.Http;

/// <summary>Counts and times each attempt that leaves for the service (it sits inside the retry pipeline).</summary>
public sealed class RequestCountingHandler(RequestCounter counter, string service) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var read = request.IsIdempotent();
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            counter.Count(service, read, Stopwatch.GetElapsedTime(started));
        }
    }
}

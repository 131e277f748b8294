using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Releng.Jobs.Sandbox.Faults;

/// <summary>
/// Answers a share of every fake's requests with a fault: a 503, a connection dropped before the fake acts, or one
/// dropped after it acted (the write happened, the answer is lost). Which requests is decided by the seed and the
/// request itself (service, method, path and query, and how many times that same request came before), not by
/// arrival order, so a run with the same seed meets the same faults even when independent requests run concurrently.
/// </summary>
public sealed class FaultInjection(FaultSettings settings) : IFakeBehaviour
{
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<InjectedFault> _injected = new();

    public FaultSettings Settings => settings;

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyCollection<InjectedFault> Injected => _injected;

    public async Task<bool> BeforeAnswerAsync(string service, HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var key = $"{service} {request.Method} {request.Path}{request.QueryString}";
        var occurrence = _seen.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (Decide(key, occurrence) is not { } kind)
        {
            return false;
        }
        _injected.Enqueue(new InjectedFault(service, request.Method, request.Path + request.QueryString, kind));
        switch (kind)
        {
            case FaultKind.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>503 Service Unavailable</h1></body></html>", cancellationToken);
                return true;
            case FaultKind.DroppedBefore:
                context.Abort();
                return true;
            default:
                // The fake answers into nothing, and the connection drops when the answer would start: it acted,
                // the client never hears.
                context.Response.Body = Stream.Null;
                context.Response.OnStarting(() =>
                {
                    context.Abort();
                    return Task.CompletedTask;
                });
                return false;
        }
    }

    internal FaultKind? Decide(string key, int occurrence)
    {
        if (settings.Rate <= 0)
        {
            return null;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.Seed}\n{key}\n{occurrence}"));
        var draw = BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
        return draw < settings.Rate && settings.Kinds.Count > 0 ? settings.Kinds[hash[4] % settings.Kinds.Count] : null;
    }
}

using Microsoft.AspNetCore.Http;

namespace Releng.Jobs.Sandbox;

/// <summary>Delays every answer by a fixed time, as a distant service would (<c>--latency=&lt;ms&gt;</c>).</summary>
public sealed class LatencyBehaviour(TimeSpan latency) : IFakeBehaviour
{
    public TimeSpan Latency { get; } = latency;

    public async Task<bool> BeforeAnswerAsync(string service, HttpContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency, cancellationToken);
        return false;
    }
}

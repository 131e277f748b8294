using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// How the sandbox's fakes behave besides what they answer, from the command line (<c>--latency=&lt;ms&gt;</c>)
/// or the scenario's <c>sandbox:</c> section (the command line wins): the behaviours each fake's server runs before
/// its routes. Add a switch by adding an <see cref="IFakeBehaviour"/> to <see cref="For"/>.
/// </summary>
public sealed record SandboxBehaviour
{
    /// <summary>Added to every answer of every fake; zero answers at once.</summary>
    public TimeSpan Latency { get; init; }

    public static SandboxBehaviour Default { get; } = new();

    /// <summary>The scenario's settings with the command line's on top.</summary>
    public static SandboxBehaviour From(SandboxScenario scenario, SandboxSwitches switches)
    {
        var latencyMs = switches.LatencyMs ?? scenario.LatencyMs;
        if (latencyMs < 0)
        {
            throw new ConfigurationException("scenario", 0, 0, $"sandbox.latency_ms: {latencyMs} is negative");
        }
        return new SandboxBehaviour { Latency = TimeSpan.FromMilliseconds(latencyMs) };
    }

    /// <summary>The behaviours of one fake, in the order they run.</summary>
    public IReadOnlyList<IFakeBehaviour> For(string service) =>
        Latency > TimeSpan.Zero ? [new LatencyBehaviour(Latency)] : [];

    /// <summary>Puts a fake's behaviours in front of its routes (WireMock's middleware hook takes an IApplicationBuilder).</summary>
    internal Action<object>? Middleware(string service)
    {
        var behaviours = For(service);
        if (behaviours.Count == 0)
        {
            return null;
        }
        return app => ((IApplicationBuilder)app).Use(async (HttpContext context, RequestDelegate next) =>
        {
            foreach (var behaviour in behaviours)
            {
                if (await behaviour.BeforeAnswerAsync(service, context, context.RequestAborted))
                {
                    return;
                }
            }
            await next(context);
        });
    }
}

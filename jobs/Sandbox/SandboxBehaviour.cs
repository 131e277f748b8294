using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Faults;
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

    /// <summary>Fails a share of every fake's requests (one instance for all fakes, so its seed decides every fault).</summary>
    public FaultInjection? Faults { get; init; }

    public static SandboxBehaviour Default { get; } = new();

    /// <summary>The scenario's settings with the command line's on top.</summary>
    public static SandboxBehaviour From(SandboxScenario scenario, FaultScenario? scenarioFaults, SandboxSwitches switches)
    {
        var faults = switches.Faults ?? (scenarioFaults is { } setting ? FaultSettings.Create(setting.Rate, setting.Seed) : null);
        var latencyMs = switches.LatencyMs ?? scenario.LatencyMs;
        if (latencyMs < 0)
        {
            throw new ConfigurationException(scenario.At, $"sandbox.latency_ms: {latencyMs} is negative");
        }
        return new SandboxBehaviour
        {
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            Faults = faults is { Rate: > 0 } ? new FaultInjection(faults) : null,
        };
    }

    /// <summary>The behaviours of one fake, in the order they run: the delay, then the fault.</summary>
    public IReadOnlyList<IFakeBehaviour> For(string service)
    {
        var behaviours = new List<IFakeBehaviour>();
        if (Latency > TimeSpan.Zero)
        {
            behaviours.Add(new LatencyBehaviour(Latency));
        }
        if (Faults is not null)
        {
            behaviours.Add(Faults);
        }
        return behaviours;
    }
}

namespace Releng.Jobs.Sandbox;

/// <summary>How a <see cref="SandboxHost"/> starts its fakes besides what the scenario says.</summary>
public sealed record SandboxStartOptions
{
    /// <summary>The command line's switches (<c>--latency</c>, <c>--faults</c>), over the scenario's settings.</summary>
    public SandboxSwitches Switches { get; init; } = SandboxSwitches.None;

    /// <summary>
    /// The fakes to start, by <see cref="Services.ServiceName"/>; null starts them all. The endpoint of a fake left out
    /// points where nothing listens, so a test of one client cannot reach another service by mistake.
    /// </summary>
    public IReadOnlyCollection<string>? Fakes { get; init; }

    /// <summary>Behaviours every started fake runs after the switches' own, e.g. a test's fault on writes only.</summary>
    public IReadOnlyList<IFakeBehaviour> Behaviours { get; init; } = [];
}

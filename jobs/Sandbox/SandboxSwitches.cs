using System.Globalization;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.Sandbox;

/// <summary>The sandbox's command-line switches; a switch left out keeps the scenario's setting.</summary>
/// <param name="LatencyMs"><c>--latency=&lt;ms&gt;</c>: every fake answers this late.</param>
public sealed record SandboxSwitches(int? LatencyMs = null)
{
    public static SandboxSwitches None { get; } = new();

    /// <summary>Reads <c>--latency</c>'s value; null when the switch was not given.</summary>
    public static int? ParseLatency(string? value) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms
        : throw new ConfigurationException("--latency", 0, 0, $"'{value}' is not a number of milliseconds (0 or more)");
}

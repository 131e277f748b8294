using Releng.Jobs.Configuration;
using YamlDotNet.Serialization;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// How the fake services behave in this scenario, apart from what they know:
/// <code>
/// sandbox:
///   latency_ms: 20     # every fake answers 20 ms late, like a distant service (--latency=&lt;ms&gt; overrides it)
/// </code>
/// </summary>
public sealed class SandboxScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public int LatencyMs { get; set; }
}

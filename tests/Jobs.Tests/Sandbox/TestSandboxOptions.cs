using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Sandbox;

/// <summary>How a <see cref="TestSandbox"/> is started and how its clients are wired.</summary>
internal sealed record TestSandboxOptions
{
    /// <summary>The fakes to start (<see cref="Services.ServiceName"/>); null starts them all. The others are unreachable.</summary>
    public IReadOnlyCollection<string>? Fakes { get; init; }

    /// <summary>The sandbox's command-line switches (<c>--latency</c>, <c>--faults</c>), as <c>--env=sandbox</c> takes them.</summary>
    public SandboxSwitches Switches { get; init; } = SandboxSwitches.None;

    /// <summary>Behaviours of the test's own in front of every started fake, after the switches' ones.</summary>
    public IReadOnlyList<IFakeBehaviour> Behaviours { get; init; } = [];

    /// <summary>What the clients send; the sandbox environment's fixed fake credentials unless a test says otherwise.</summary>
    public Credentials Credentials { get; init; } = SandboxCredentials.Default;

    public HttpOptions Http { get; init; } = TestSandbox.FastRetries;

    /// <summary>The scenario's clock as the <see cref="TimeProvider"/>, as the sandbox environment has it.</summary>
    public bool ScenarioClock { get; init; }

    /// <summary>
    /// The sandbox's stand-ins (accounts, collaborator branches, registries), as the sandbox environment has them.
    /// False wires the clients as a real environment has them: no account directory, no collaborator patterns.
    /// </summary>
    public bool StandIns { get; init; }

    /// <summary>Registrations made before the clients', e.g. client options a test wants.</summary>
    public Action<IServiceCollection>? Configure { get; init; }
}

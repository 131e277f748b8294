using Releng.Jobs.Reviews;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Bugzilla;

/// <summary>The sandbox's Fedora accounts: the scenario's <c>people:</c>, each known by its e-mail and by <c>&lt;user&gt;@fedoraproject.org</c>.</summary>
public static class SandboxPackagerDirectory
{
    public static IPackagerDirectory From(IReadOnlyDictionary<string, PersonScenario> people) =>
        new InMemoryPackagerDirectory(people.Select(p => new FedoraAccount(p.Key, p.Value.EmailOr(p.Key), p.Value.Packager)));
}

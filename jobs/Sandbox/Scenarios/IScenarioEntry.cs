using Releng.Jobs.Configuration;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// A mapping of a scenario that knows where it was written (<see cref="ScenarioLoader"/> sets it), so what a fake
/// finds wrong with it while seeding its world is reported at file:line:column like a YAML error. An entry built in
/// code stands nowhere in a file: <see cref="Nowhere"/>, which the sandbox host names after the scenario file.
/// </summary>
public interface IScenarioEntry
{
    /// <summary>Where an entry built in code stands.</summary>
    static SourceMark Nowhere { get; } = new("scenario");

    /// <summary>The start of the entry's mapping: where a problem with any of its keys, or a missing one, is reported.</summary>
    SourceMark At { get; set; }
}

using Releng.Jobs.Configuration;
using YamlDotNet.Serialization;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The <c>bodhi:</c> section of a scenario: the active releases. Omitted, the sandbox has F44 (rawhide, pending),
/// F43 and F42 (current), EPEL-10 and EPEL-9 (current).
/// </summary>
/// <example><c>bodhi: { releases: [ { name: F44, branch: rawhide, tag: f44, state: pending }, { branch: f43, tag: f43 } ] }</c></example>
public sealed class BodhiScenario
{
    /// <summary>Null (omitted) means the default releases; an empty list means Bodhi knows none.</summary>
    public List<BodhiReleaseScenario>? Releases { get; set; }
}

/// <summary>
/// One release. Only <c>branch</c> is needed for a numbered branch (<c>f43</c>, <c>epel9</c>); the other fields
/// follow Fedora's naming (<c>F43</c>, <c>f43-updates</c>, <c>epel9-testing-candidate</c>, …) unless given.
/// </summary>
public sealed class BodhiReleaseScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public required string Branch { get; set; }
    /// <summary>The Koji dist tag; defaults to the branch, so rawhide needs it (<c>f44</c>).</summary>
    public string? Tag { get; set; }
    public string? Name { get; set; }
    public string? LongName { get; set; }
    public string? Version { get; set; }
    /// <summary><c>FEDORA</c>, <c>FEDORA-EPEL</c>, <c>FEDORA-CONTAINER</c>, <c>FEDORA-FLATPAK</c>; derived from the name.</summary>
    public string? IdPrefix { get; set; }
    /// <summary><c>current</c>, <c>pending</c>, <c>frozen</c>, <c>archived</c> or <c>disabled</c>.</summary>
    public string State { get; set; } = "current";
    public string? StableTag { get; set; }
    public string? TestingTag { get; set; }
    public string? CandidateTag { get; set; }
    public bool? ComposedByBodhi { get; set; }
}

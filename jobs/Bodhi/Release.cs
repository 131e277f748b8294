namespace Releng.Jobs.Bodhi;

/// <summary>
/// A Bodhi release row. <see cref="Version"/> is text: ELN's is not a number. <see cref="Branch"/> is the dist-git
/// branch; <see cref="DistTag"/> the Koji tag holding the package list and block state.
/// </summary>
/// <param name="Name">e.g. <c>F43</c>, <c>EPEL-9</c>, <c>F43C</c> (container), <c>F30M</c> (modular).</param>
/// <param name="IdPrefix"><c>FEDORA</c>, <c>FEDORA-EPEL</c>, <c>FEDORA-CONTAINER</c>, <c>FEDORA-FLATPAK</c>, …</param>
/// <param name="State"><c>current</c>, <c>pending</c>, <c>frozen</c>, <c>archived</c> or <c>disabled</c>.</param>
public sealed record Release(
    string Name,
    string LongName,
    string Version,
    string IdPrefix,
    string Branch,
    string DistTag,
    string? StableTag,
    string? TestingTag,
    string? CandidateTag,
    string? PendingSigningTag,
    string? PendingTestingTag,
    string? PendingStableTag,
    string? OverrideTag,
    string State,
    bool ComposedByBodhi)
{
    /// <summary>The version as a number when it is one (<c>43</c>, <c>10.1</c>); null for ELN and the like.</summary>
    public decimal? NumericVersion =>
        decimal.TryParse(Version, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : null;

    /// <summary>What kind of content the release ships, from its id prefix and name suffix.</summary>
    public ReleaseKind Kind => ReleaseKinds.Of(this);
}

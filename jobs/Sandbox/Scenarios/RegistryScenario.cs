namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The <c>registry:</c> section: what registry tags hold before the run, by the Koji image build they were pushed
/// from. The sandbox registry names each per-arch image by its archive file name, so a tag seeded with a build and
/// a push of the same build agree on digests.
/// <code>
/// registry:
///   tags:
///     quay.io/fedora/fedora:43: { build: Fedora-Container-Base-Generic-43-20261121.0, arches: [x86_64, aarch64] }
///     quay.io/fedora/fedora:old: { build: null }   # a tag pushed by other tooling: no build recorded
/// </code>
/// </summary>
public sealed class RegistryScenario
{
    /// <summary>Tag references (<c>registry/repository:tag</c>) and what each holds.</summary>
    public Dictionary<string, RegistryTagScenario> Tags { get; set; } = [];
}

public sealed class RegistryTagScenario
{
    /// <summary>The Koji NVR the index records; null for an index that does not say.</summary>
    public string? Build { get; set; }
    public List<string> Arches { get; set; } = ["x86_64", "aarch64"];
    /// <summary>Archive file name pattern, <c>{nvr}</c> and <c>{arch}</c> replaced; default kiwi's.</summary>
    public string Filename { get; set; } = "{nvr}.{arch}.oci.tar.xz";
}

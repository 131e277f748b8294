using Releng.Jobs.Koji;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// An image build and what it was made of: its per-arch archives and, per source package, the Koji builds whose RPMs
/// any of the archives contain (noarch RPMs appear under every arch with the same build, so they count once).
/// </summary>
public sealed record ImageContents(
    KojiBuild Image,
    IReadOnlyList<KojiArchive> Archives,
    IReadOnlyDictionary<string, IReadOnlyList<KojiBuild>> Components,
    int ExternalRpms)
{
    public IReadOnlyList<string> Arches => Archives.Select(a => a.Arch).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

namespace Releng.Jobs.Bodhi;

/// <summary>Bodhi, read-only and anonymous: which releases are active and which Koji tags belong to them.</summary>
public interface IBodhi
{
    /// <summary>
    /// Every release that is not archived (<c>GET /releases/?exclude_archived=True&amp;page=N</c>, all pages), in
    /// Bodhi's order. Disabled releases are included; <see cref="BranchTagMap"/> skips them.
    /// </summary>
    /// <exception cref="BodhiException">Bodhi refused the query or could not be reached.</exception>
    Task<IReadOnlyList<Release>> GetActiveReleasesAsync(CancellationToken cancellationToken = default);

    /// <summary><see cref="BranchTagMap.From"/> over <see cref="GetActiveReleasesAsync"/>.</summary>
    Task<BranchTagMap> GetBranchTagMapAsync(CancellationToken cancellationToken = default);
}

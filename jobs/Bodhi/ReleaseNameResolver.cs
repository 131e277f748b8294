namespace Releng.Jobs.Bodhi;

/// <summary>Reads Bodhi's active releases once per run, the first time a job needs a release name.</summary>
public sealed class ReleaseNameResolver(IBodhi bodhi)
{
    private readonly Lazy<Task<ReleaseNames>> _names = new(async () => new ReleaseNames(await bodhi.GetActiveReleasesAsync()));

    public Task<ReleaseNames> GetAsync(CancellationToken cancellationToken) => _names.Value.WaitAsync(cancellationToken);
}

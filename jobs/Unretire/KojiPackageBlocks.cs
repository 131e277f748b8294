using Releng.Jobs.Koji;

namespace Releng.Jobs.Unretire;

/// <summary>
/// <see cref="IKojiPackageBlocks"/> over the Koji hub client: <c>getPackageConfig</c> (inherited entry) to read,
/// several tags, or a whole run's packages and tags, in one multicall, and <c>packageListUnblock</c> in an authenticated session to write.
/// </summary>
public sealed class KojiPackageBlocks(IKojiClient koji) : IKojiPackageBlocks
{
    public async Task<bool?> IsBlockedAsync(string tag, string package, CancellationToken cancellationToken = default) =>
        (await koji.GetPackageConfigAsync(tag, package, cancellationToken: cancellationToken))?.Blocked;

    public async Task<IReadOnlyDictionary<string, bool?>> AreBlockedAsync(
        IReadOnlyCollection<string> tags, string package, CancellationToken cancellationToken = default)
    {
        var names = tags.Distinct(StringComparer.Ordinal).ToList();
        var results = await koji.MultiCallAsync(names.Select(tag => KojiCalls.GetPackageConfig(tag, package)), cancellationToken);
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.Value?.Blocked, StringComparer.Ordinal);
    }

    /// <summary>
    /// One <c>getPackageConfig</c> per pair, all in one multicall (the client splits it into requests of at most 500
    /// calls). A pair whose call faulted is left out: its ticket asks again and reports the fault itself.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Tag, string Package), bool?>> ReadBlockStatesAsync(
        IReadOnlyCollection<(string Tag, string Package)> pairs, CancellationToken cancellationToken = default)
    {
        var distinct = pairs.Distinct().ToList();
        var results = await koji.MultiCallAsync(distinct.Select(pair => KojiCalls.GetPackageConfig(pair.Tag, pair.Package)), cancellationToken);
        return distinct.Zip(results).Where(pair => pair.Second.Error is null)
            .ToDictionary(pair => pair.First, pair => pair.Second.Value?.Blocked);
    }

    public async Task<bool> UnblockAsync(string tag, string package, CancellationToken cancellationToken = default)
    {
        // Read first: packageListUnblock faults on a package that is not blocked, and the read makes a rerun cheap.
        if (await IsBlockedAsync(tag, package, cancellationToken) != true)
        {
            return false;
        }
        await using var session = await koji.LoginAsync(cancellationToken);
        try
        {
            await session.UnblockPackageAsync(tag, package, cancellationToken);
            return true;
        }
        catch (KojiGenericException e) when (e.Message.Contains("NOT blocked", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }
}

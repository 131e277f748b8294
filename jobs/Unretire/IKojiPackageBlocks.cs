namespace Releng.Jobs.Unretire;

/// <summary>
/// The part of Koji unretirement needs: whether a package is blocked in a tag's package list, and unblocking it.
/// Kept this small so the job does not depend on the whole hub client.
/// </summary>
public interface IKojiPackageBlocks
{
    /// <summary>True when blocked, false when listed and not blocked, null when the package is not in the tag's list (inheritance included).</summary>
    Task<bool?> IsBlockedAsync(string tag, string package, CancellationToken cancellationToken = default);

    /// <summary>
    /// The block state of several tags at once (one round trip where the hub allows it), by tag. The default asks
    /// one tag after the other.
    /// </summary>
    async Task<IReadOnlyDictionary<string, bool?>> AreBlockedAsync(
        IReadOnlyCollection<string> tags, string package, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            states[tag] = await IsBlockedAsync(tag, package, cancellationToken);
        }
        return states;
    }

    /// <summary>
    /// The block state of many packages, each in its tags, by (tag, package): for a whole run's tickets at once, in a
    /// number of round trips that does not grow with the tickets where the hub batches. The default asks package by package.
    /// </summary>
    async Task<IReadOnlyDictionary<(string Tag, string Package), bool?>> ReadBlockStatesAsync(
        IReadOnlyCollection<(string Tag, string Package)> pairs, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<(string Tag, string Package), bool?>();
        foreach (var package in pairs.GroupBy(p => p.Package, StringComparer.Ordinal))
        {
            var blocked = await AreBlockedAsync(package.Select(p => p.Tag).ToList(), package.Key, cancellationToken);
            foreach (var (tag, state) in blocked)
            {
                states[(tag, package.Key)] = state;
            }
        }
        return states;
    }

    /// <summary>Unblocks the package in the tag; false when it was not blocked there (nothing to do).</summary>
    Task<bool> UnblockAsync(string tag, string package, CancellationToken cancellationToken = default);
}

namespace Releng.Jobs.Registry;

/// <summary>Reads what registry tags point to, e.g. to decide whether a build is already pushed.</summary>
public interface IRegistryReader
{
    /// <summary>The tag's digest and, for an index, its per-platform digests; <c>null</c> when the tag does not exist.</summary>
    Task<TagState?> ReadTagAsync(ImageReference tag, CancellationToken cancellationToken);
}

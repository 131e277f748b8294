namespace Releng.Jobs.Registry;

/// <summary>
/// One multi-arch image to publish: its per-platform images, the repositories it goes to, and the tags it gets in
/// each of them.
/// </summary>
public sealed record PublishRequest(
    IReadOnlyList<ArchImage> Images,
    IReadOnlyList<RepositoryReference> Repositories,
    IReadOnlyList<string> Tags)
{
    /// <summary>
    /// Annotations written into the index, e.g. <c>org.opencontainers.image.version</c> = the Koji NVR, so a reader
    /// can tell which build a tag holds without downloading it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}

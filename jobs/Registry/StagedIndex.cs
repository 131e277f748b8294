namespace Releng.Jobs.Registry;

/// <summary>
/// A local OCI layout holding every platform's image plus the index we wrote over them, ready for
/// <c>skopeo copy --all --preserve-digests</c>. Deleted on dispose.
/// </summary>
internal sealed record StagedIndex(string WorkDirectory, ImageLocation Layout, string IndexDigest, IReadOnlyList<PlatformManifest> Manifests)
    : IDisposable
{
    public void Dispose()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }
}

using Releng.Jobs.Secrets;

namespace Releng.Jobs.Registry;

/// <summary>Reads tags with <c>skopeo inspect --raw</c>, with the registry credentials when they are set.</summary>
public sealed class RegistryReader(Skopeo skopeo, Credentials credentials) : IRegistryReader
{
    public async Task<TagState?> ReadTagAsync(ImageReference tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        using var auth = RegistryAuthFile.Create(credentials, [tag.Repository.Registry], skopeo.Options.WorkDirectory);
        return await ReadTagAsync(skopeo, tag, auth, cancellationToken);
    }

    internal static async Task<TagState?> ReadTagAsync(
        Skopeo skopeo, ImageReference tag, RegistryAuthFile? auth, CancellationToken cancellationToken)
    {
        var raw = await skopeo.InspectRawAsync(tag, auth, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        var document = ManifestDocument.Parse(raw.Content);
        return new TagState(
            tag,
            raw.Digest,
            document.MediaType,
            document.IsList ? document.Manifests : [],
            document.Annotations);
    }
}

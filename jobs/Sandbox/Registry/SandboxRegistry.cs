using Releng.Jobs.Registry;

namespace Releng.Jobs.Sandbox.Registry;

/// <summary>
/// The sandbox's registries, for every repository: reads and publishes tags in <see cref="RegistryWorld"/> with the
/// same rules as the real publisher (one index per publish, a tag already holding the same per-arch digests is left
/// alone), without skopeo or a network.
/// </summary>
public sealed class SandboxRegistry(SandboxWorld world) : IRegistryReader, IRegistryPublisher
{
    public Task<TagState?> ReadTagAsync(ImageReference tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        lock (world.Sync)
        {
            return Task.FromResult(world.Registry.Tags.GetValueOrDefault(tag.ToString())?.ToTagState(tag));
        }
    }

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Images.Count == 0 || request.Repositories.Count == 0 || request.Tags.Count == 0)
        {
            throw new ArgumentException("The request needs images, repositories and tags.", nameof(request));
        }
        var index = SandboxImages.Index(request.Images.Select(image => new PlatformManifest(
            image.Platform,
            SandboxImages.ManifestDigest(Path.GetFileName(image.Source.Path ?? image.Source.ToString())),
            OciMediaTypes.ImageManifest,
            SandboxImages.ManifestSize)), request.Annotations);
        var publications = new List<TagPublication>();
        lock (world.Sync)
        {
            foreach (var repository in request.Repositories)
            {
                foreach (var tagName in request.Tags)
                {
                    var tag = repository.WithTag(tagName);
                    var current = world.Registry.Tags.GetValueOrDefault(tag.ToString());
                    if (current is not null && current.ToTagState(tag).HasSameImagesAs(index.Manifests))
                    {
                        publications.Add(new TagPublication(tag, PublicationStatus.AlreadyPublished, current.Digest));
                        continue;
                    }
                    world.Registry.Tags[tag.ToString()] = RegistryWorldTag.From(index);
                    world.Registry.Pushes.Add($"{tag} {index.Digest}");
                    publications.Add(new TagPublication(tag, PublicationStatus.Pushed, index.Digest));
                }
            }
        }
        return Task.FromResult(new PublishResult(index.Digest, index.Manifests, publications));
    }
}

using Releng.Jobs.Secrets;

namespace Releng.Jobs.Registry;

/// <summary>
/// Publishes with skopeo: stages every platform's image and a hand-written OCI index in a local layout, then, for each
/// repository and tag, reads the tag and pushes the whole layout (<c>--all --preserve-digests</c>) only when the tag
/// does not already hold the same per-platform digests. The index goes out once with all platforms, so a tag never
/// passes through a partial index.
/// </summary>
public sealed class RegistryPublisher(Skopeo skopeo, Credentials credentials) : IRegistryPublisher
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var registries = request.Repositories.Select(r => r.Registry)
            .Concat(request.Images.Select(i => i.Source.Image?.Repository.Registry).OfType<string>());
        using var auth = RegistryAuthFile.Create(credentials, registries, skopeo.Options.WorkDirectory);
        using var staged = await new IndexStager(skopeo).StageAsync(request.Images, request.Annotations, auth, cancellationToken);

        var tags = new List<TagPublication>();
        foreach (var repository in request.Repositories)
        {
            foreach (var tag in request.Tags)
            {
                tags.Add(await PublishTagAsync(staged, repository.WithTag(tag), auth, cancellationToken));
            }
        }
        return new PublishResult(staged.IndexDigest, staged.Manifests, tags);
    }

    private async Task<TagPublication> PublishTagAsync(
        StagedIndex staged, ImageReference tag, RegistryAuthFile? auth, CancellationToken cancellationToken)
    {
        var current = await RegistryReader.ReadTagAsync(skopeo, tag, auth, cancellationToken);
        if (current is not null && current.HasSameImagesAs(staged.Manifests))
        {
            return new TagPublication(tag, PublicationStatus.AlreadyPublished, current.Digest);
        }
        var copy = new SkopeoCopy(staged.Layout, ImageLocation.Registry(tag))
        {
            Scope = CopyScope.AllImages,
            PreserveDigests = true,
            DestinationAuth = auth,
        };
        var digest = await skopeo.CopyAsync(copy, cancellationToken);
        if (digest != staged.IndexDigest)
        {
            throw new RegistryPublishException($"{tag} received {digest}, not the index {staged.IndexDigest} that was sent.");
        }
        return new TagPublication(tag, PublicationStatus.Pushed, digest);
    }

    private static void Validate(PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Images.Count == 0)
        {
            throw new ArgumentException("Nothing to publish: the request has no images.", nameof(request));
        }
        if (request.Repositories.Count == 0 || request.Tags.Count == 0)
        {
            throw new ArgumentException("The request needs at least one repository and one tag.", nameof(request));
        }
        var duplicate = request.Images.GroupBy(i => i.Platform).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two images are given for {duplicate.Key}.", nameof(request));
        }
        foreach (var tag in request.Tags)
        {
            // Tag syntax is checked here, before anything is staged or pushed.
            _ = request.Repositories[0].WithTag(tag);
        }
    }
}

using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

public sealed class RegistryReaderTests
{
    [Fact]
    public async Task A_missing_tag_reads_as_null()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();

        Assert.Null(await bed.Reader.ReadTagAsync(registry.Repository("fedora/fedora").WithTag("44"), CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_tag_in_an_existing_repository_reads_as_null()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var repository = registry.Repository("fedora/fedora");
        await bed.Publisher.PublishAsync(new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        Assert.Null(await bed.Reader.ReadTagAsync(repository.WithTag("45"), CancellationToken.None));
    }

    [Fact]
    public async Task A_published_tag_reads_as_its_index_digest_and_per_platform_digests()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var repository = registry.Repository("fedora/fedora");
        var published = await bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        var state = await bed.Reader.ReadTagAsync(repository.WithTag("44"), CancellationToken.None);

        Assert.NotNull(state);
        Assert.True(state.IsIndex);
        Assert.Equal(published.IndexDigest, state.Digest);
        Assert.Equal(OciMediaTypes.ImageIndex, state.MediaType);
        Assert.Equal(
            [(new Platform("linux", "amd64"), amd64.ManifestDigest), (new Platform("linux", "arm64"), arm64.ManifestDigest)],
            state.Manifests.Select(m => (m.Platform!, m.Digest)).ToList());
        Assert.True(state.HasSameImagesAs(published.Manifests));
    }

    [Fact]
    public async Task A_tag_holding_a_single_image_reads_as_that_manifest_and_never_matches_an_index()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var amd64 = TestImages.WriteLayout(bed.NewDirectory("amd64"), new Platform("linux", "amd64"));
        var tag = registry.Repository("fedora/fedora").WithTag("44-x86_64");
        await bed.Skopeo.CopyAsync(new SkopeoCopy(amd64.Location, ImageLocation.Registry(tag)) { PreserveDigests = true }, CancellationToken.None);

        var state = await bed.Reader.ReadTagAsync(tag, CancellationToken.None);

        Assert.NotNull(state);
        Assert.False(state.IsIndex);
        Assert.Equal(amd64.ManifestDigest, state.Digest);
        Assert.Empty(state.Manifests);
        Assert.False(state.HasSameImagesAs([new PlatformManifest(amd64.Platform, amd64.ManifestDigest, OciMediaTypes.ImageManifest, 0)]));
    }
}

using System.Net;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

/// <summary>Single copies with the real skopeo against a real registry.</summary>
public sealed class SkopeoCopyTests
{
    [Fact]
    public async Task Copying_to_a_digest_reference_stores_the_manifest_without_creating_any_tag()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var amd64 = TestImages.WriteLayout(bed.NewDirectory("amd64"), new Platform("linux", "amd64"));
        var repository = registry.Repository("fedora/fedora");

        var digest = await bed.Skopeo.CopyAsync(
            new SkopeoCopy(amd64.Location, ImageLocation.Registry(repository.WithDigest(amd64.ManifestDigest))) { PreserveDigests = true },
            CancellationToken.None);

        Assert.Equal(amd64.ManifestDigest, digest);
        var manifest = await registry.GetManifestAsync(repository, amd64.ManifestDigest);
        Assert.Equal(HttpStatusCode.OK, manifest.Status);
        Assert.Equal(OciMediaTypes.ImageManifest, manifest.ContentType);
        Assert.Null(await bed.Reader.ReadTagAsync(repository.WithTag("latest"), CancellationToken.None));
    }

    [Fact]
    public async Task Without_all_images_only_the_selected_platform_of_an_index_is_copied_as_a_single_manifest()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var repository = registry.Repository("fedora/fedora");
        await bed.Publisher.PublishAsync(new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        var digest = await bed.Skopeo.CopyAsync(
            new SkopeoCopy(ImageLocation.Registry(repository.WithTag("44")), ImageLocation.Registry(repository.WithTag("44-aarch64")))
            {
                SelectPlatform = arm64.Platform,
                PreserveDigests = true,
            },
            CancellationToken.None);

        Assert.Equal(arm64.ManifestDigest, digest);
        var state = await bed.Reader.ReadTagAsync(repository.WithTag("44-aarch64"), CancellationToken.None);
        Assert.False(state!.IsIndex);
        Assert.Equal(arm64.ManifestDigest, state.Digest);
    }
}

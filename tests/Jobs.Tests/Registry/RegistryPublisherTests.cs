using System.Net;
using Releng.Jobs.Planning;
using Releng.Jobs.Registry;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Registry;

/// <summary>Publishing against a real docker-registry 2.8 with the real skopeo.</summary>
public sealed class RegistryPublisherTests
{
    [Fact]
    public async Task Publish_pushes_both_platforms_and_one_oci_index_under_the_tag()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var repository = registry.Repository("fedora/fedora");

        var result = await bed.Publisher.PublishAsync(
            new PublishRequest([arm64.ToArchImage(), amd64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        var tag = Assert.Single(result.Tags);
        Assert.Equal(PublicationStatus.Pushed, tag.Status);
        var index = await registry.GetManifestAsync(repository, "44");
        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Equal(OciMediaTypes.ImageIndex, index.ContentType);
        Assert.Equal(result.IndexDigest, index.DigestHeader);
        Assert.Equal(result.IndexDigest, Digests.Sha256(index.Body));
        Assert.Equal(result.IndexDigest, tag.Digest);

        var document = ManifestDocument.Parse(index.Body);
        Assert.Equal(OciMediaTypes.ImageIndex, document.MediaType);
        Assert.Equal(
            [(new Platform("linux", "amd64"), amd64.ManifestDigest), (new Platform("linux", "arm64"), arm64.ManifestDigest)],
            document.Manifests.Select(m => (m.Platform!, m.Digest)).ToList());

        foreach (var entry in document.Manifests)
        {
            var manifest = await registry.GetManifestAsync(repository, entry.Digest);
            Assert.Equal(HttpStatusCode.OK, manifest.Status);
            Assert.Equal(OciMediaTypes.ImageManifest, manifest.ContentType);
            Assert.Equal(entry.Digest, manifest.DigestHeader);
            Assert.Equal(entry.Size, manifest.Body.Length);
            var configDigest = System.Text.Json.JsonDocument.Parse(manifest.Body).RootElement.GetProperty("config").GetProperty("digest").GetString()!;
            var config = System.Text.Json.JsonDocument.Parse(await registry.GetBlobTextAsync(repository, configDigest));
            Assert.Equal(entry.Platform!.Architecture, config.RootElement.GetProperty("architecture").GetString());
        }
    }

    [Fact]
    public async Task Second_publish_of_the_same_images_is_a_no_op_reported_as_already_published()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var request = new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [registry.Repository("fedora/fedora")], ["44"]);
        var first = await bed.Publisher.PublishAsync(request, CancellationToken.None);
        var writesAfterFirst = (await registry.WriteRequestsAsync()).Count;

        var second = await bed.Publisher.PublishAsync(request, CancellationToken.None);

        Assert.True(second.AllAlreadyPublished);
        Assert.Equal(PublicationStatus.AlreadyPublished, Assert.Single(second.Tags).Status);
        Assert.Equal($"already published {first.IndexDigest}", second.Summary);
        Assert.Equal(new StepResult(StepStatus.AlreadyDone, $"already published {first.IndexDigest}"), second.ToStepResult());
        Assert.Equal(StepStatus.Done, first.ToStepResult().Status);
        Assert.True(writesAfterFirst > 0);
        Assert.Equal(writesAfterFirst, (await registry.WriteRequestsAsync()).Count);
    }

    [Fact]
    public async Task Publishing_under_two_tags_points_both_at_the_same_index()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var repository = registry.Repository("fedora/fedora");

        var result = await bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [repository], ["44", "latest"]), CancellationToken.None);

        Assert.Equal(["44", "latest"], result.Tags.Select(t => t.Tag.Tag!).ToList());
        Assert.All(result.Tags, t => Assert.Equal(PublicationStatus.Pushed, t.Status));
        Assert.Equal(["44", "latest"], await registry.ListTagsAsync(repository));
        Assert.Equal(result.IndexDigest, (await registry.GetManifestAsync(repository, "44")).DigestHeader);
        Assert.Equal(result.IndexDigest, (await registry.GetManifestAsync(repository, "latest")).DigestHeader);
    }

    [Fact]
    public async Task Publishing_to_two_repositories_pushes_to_each_and_only_the_missing_tag_is_written_later()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var images = new[] { amd64.ToArchImage(), arm64.ToArchImage() };
        var fedora = registry.Repository("fedora/fedora");
        var mirror = registry.Repository("mirror/fedora");
        await bed.Publisher.PublishAsync(new PublishRequest(images, [fedora], ["44"]), CancellationToken.None);

        var result = await bed.Publisher.PublishAsync(new PublishRequest(images, [fedora, mirror], ["44"]), CancellationToken.None);

        Assert.Equal(
            [(fedora.WithTag("44"), PublicationStatus.AlreadyPublished), (mirror.WithTag("44"), PublicationStatus.Pushed)],
            result.Tags.Select(t => (t.Tag, t.Status)).ToList());
        Assert.StartsWith($"pushed {result.IndexDigest} to {mirror.WithTag("44")}; already published at {fedora.WithTag("44")}", result.Summary);
        Assert.Equal(result.IndexDigest, (await registry.GetManifestAsync(mirror, "44")).DigestHeader);
    }

    [Fact]
    public async Task A_new_build_moves_the_tag_to_a_new_index()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var repository = registry.Repository("fedora/fedora");
        var (oldAmd64, oldArm64) = bed.TwoPlatformImages(salt: "build 1");
        var (newAmd64, newArm64) = bed.TwoPlatformImages(salt: "build 2");
        var first = await bed.Publisher.PublishAsync(
            new PublishRequest([oldAmd64.ToArchImage(), oldArm64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        var second = await bed.Publisher.PublishAsync(
            new PublishRequest([newAmd64.ToArchImage(), newArm64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        Assert.Equal(PublicationStatus.Pushed, Assert.Single(second.Tags).Status);
        Assert.NotEqual(first.IndexDigest, second.IndexDigest);
        Assert.Equal(second.IndexDigest, (await registry.GetManifestAsync(repository, "44")).DigestHeader);
    }

    [Fact]
    public async Task An_image_of_another_architecture_than_declared_is_refused_before_anything_is_pushed()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var amd64 = TestImages.WriteLayout(bed.NewDirectory("amd64"), new Platform("linux", "amd64"));
        var misfiled = new ArchImage(new Platform("linux", "arm64"), amd64.Location);
        var repository = registry.Repository("fedora/fedora");

        var error = await Assert.ThrowsAsync<RegistryPublishException>(() => bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), misfiled], [repository], ["44"]), CancellationToken.None));

        Assert.Contains("linux/amd64, not for linux/arm64", error.Message);
        Assert.Empty(await registry.WriteRequestsAsync());
    }

    [Fact]
    public async Task Image_configs_with_rpm_architecture_names_match_their_platform()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var image = TestImages.WriteLayout(bed.NewDirectory("x86_64"), Platform.FromKojiArch("x86_64"), configArchitecture: "x86_64");

        var result = await bed.Publisher.PublishAsync(
            new PublishRequest([image.ToArchImage()], [registry.Repository("fedora/fedora")], ["44"]), CancellationToken.None);

        Assert.Equal(image.ManifestDigest, Assert.Single(result.Manifests).Digest);
    }

    [Fact]
    public async Task Kiwi_oci_archives_are_published_with_their_manifest_digests_unchanged()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var amd64 = TestImages.WriteOciArchive(bed.NewDirectory("amd64"), Platform.FromKojiArch("x86_64"));
        var arm64 = TestImages.WriteOciArchive(bed.NewDirectory("arm64"), Platform.FromKojiArch("aarch64"));
        Assert.Equal(ImageTransport.OciArchive, amd64.Location.Transport);
        var repository = registry.Repository("fedora/fedora");

        var result = await bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [repository], ["44"]), CancellationToken.None);

        var index = ManifestDocument.Parse((await registry.GetManifestAsync(repository, "44")).Body);
        Assert.Equal([amd64.ManifestDigest, arm64.ManifestDigest], index.Manifests.Select(m => m.Digest).ToList());
        Assert.Equal(result.IndexDigest, Digests.Sha256((await registry.GetManifestAsync(repository, "44")).Body));
    }

    [Fact]
    public async Task Docker_archives_stage_to_the_same_digests_every_time_so_a_repeat_is_a_no_op()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        // Imagefactory-era Koji archives are docker-save tarballs; make two from the hand-made images.
        var archives = new List<ArchImage>();
        foreach (var image in new[] { amd64, arm64 })
        {
            var file = Path.Combine(bed.NewDirectory("archive"), $"Fedora-Container-Base-39-1.1.{image.Platform.Architecture}.tar");
            await bed.Skopeo.CopyAsync(new SkopeoCopy(image.Location, ImageLocation.DockerArchive(file)), CancellationToken.None);
            archives.Add(new ArchImage(image.Platform, ImageLocation.KojiImageArchive(file)));
        }
        var request = new PublishRequest(archives, [registry.Repository("fedora/fedora")], ["39"]);
        var first = await bed.Publisher.PublishAsync(request, CancellationToken.None);
        var writesAfterFirst = (await registry.WriteRequestsAsync()).Count;

        var second = await bed.Publisher.PublishAsync(request, CancellationToken.None);

        Assert.Equal(PublicationStatus.Pushed, Assert.Single(first.Tags).Status);
        Assert.Equal($"already published {first.IndexDigest}", second.Summary);
        Assert.Equal(first.IndexDigest, second.IndexDigest);
        Assert.Equal(writesAfterFirst, (await registry.WriteRequestsAsync()).Count);
    }

    [Fact]
    public async Task Images_can_come_from_another_registry_picking_each_platform_out_of_its_index()
    {
        await using var source = await RegistryServer.StartAsync();
        await using var destination = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var candidate = source.Repository("candidate/fedora");
        await bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [candidate], ["44"]), CancellationToken.None);
        var fromCandidate = ImageLocation.Registry(candidate.WithTag("44"));

        var result = await bed.Publisher.PublishAsync(
            new PublishRequest(
                [new ArchImage(amd64.Platform, fromCandidate), new ArchImage(arm64.Platform, fromCandidate)],
                [destination.Repository("fedora/fedora")], ["44"]),
            CancellationToken.None);

        Assert.Equal([amd64.ManifestDigest, arm64.ManifestDigest], result.Manifests.Select(m => m.Digest).ToList());
        Assert.Equal(result.IndexDigest, (await destination.GetManifestAsync(destination.Repository("fedora/fedora"), "44")).DigestHeader);
    }

    [Fact]
    public async Task Annotations_are_written_into_the_index_and_read_back()
    {
        await using var registry = await RegistryServer.StartAsync();
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();
        var repository = registry.Repository("fedora/fedora");
        var annotations = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "Fedora-Container-Base-Generic-44-20261124.0" };

        await bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [repository], ["44"]) { Annotations = annotations },
            CancellationToken.None);

        var state = await bed.Reader.ReadTagAsync(repository.WithTag("44"), CancellationToken.None);
        Assert.Equal(annotations, state!.Annotations);
    }

    [Fact]
    public async Task Credentials_reach_skopeo_only_through_a_private_auth_file_never_the_command_line()
    {
        await using var registry = await RegistryServer.StartAsync(requireAuth: true);
        var credentials = Credentials.FromEnvironment(name => name switch
        {
            "REGISTRY_USER" => RegistryServer.TestUser,
            "REGISTRY_PASSWORD" => RegistryServer.TestPassword,
            _ => null,
        });
        var authFileModes = new List<UnixFileMode>();
        using var bed = new RegistryTestBed(credentials, invocation =>
        {
            foreach (var path in AuthFiles(invocation))
            {
                lock (authFileModes)
                {
                    if (!OperatingSystem.IsWindows())
                    {
                        authFileModes.Add(File.GetUnixFileMode(path));
                    }
                }
            }
        });
        var (amd64, arm64) = bed.TwoPlatformImages();

        var result = await bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [registry.Repository("fedora/fedora")], ["44"]),
            CancellationToken.None);

        Assert.Equal(PublicationStatus.Pushed, Assert.Single(result.Tags).Status);
        var registryCommands = bed.Runner.Invocations.Where(i => i.Arguments.Any(a => a.Contains(registry.Address, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(registryCommands);
        Assert.All(registryCommands, i => Assert.NotEmpty(AuthFiles(i)));
        Assert.All(bed.Runner.Invocations, i =>
        {
            Assert.DoesNotContain(i.Arguments, a => a.Contains(RegistryServer.TestPassword, StringComparison.Ordinal));
            Assert.DoesNotContain(i.Arguments, a => a.Contains(RegistryServer.TestUser, StringComparison.Ordinal));
            Assert.DoesNotContain(i.Arguments, a => a.StartsWith("--creds", StringComparison.Ordinal)
                || a.StartsWith("--src-creds", StringComparison.Ordinal) || a.StartsWith("--dest-creds", StringComparison.Ordinal)
                || a.Contains("-username", StringComparison.Ordinal) || a.Contains("-password", StringComparison.Ordinal));
            Assert.DoesNotContain(i.Environment.Values, v => v != null && v.Contains(RegistryServer.TestPassword, StringComparison.Ordinal));
        });
        Assert.DoesNotContain(bed.CommandLog, line => line.Contains(RegistryServer.TestPassword, StringComparison.Ordinal));
        Assert.NotEmpty(authFileModes);
        Assert.All(authFileModes, mode => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode));
        Assert.All(bed.Runner.Invocations.SelectMany(AuthFiles), path => Assert.False(File.Exists(path)));
    }

    [Fact]
    public async Task Without_credentials_a_registry_that_requires_them_refuses_the_read()
    {
        await using var registry = await RegistryServer.StartAsync(requireAuth: true);
        using var bed = new RegistryTestBed();
        var (amd64, arm64) = bed.TwoPlatformImages();

        var error = await Assert.ThrowsAsync<SkopeoException>(() => bed.Publisher.PublishAsync(
            new PublishRequest([amd64.ToArchImage(), arm64.ToArchImage()], [registry.Repository("fedora/fedora")], ["44"]),
            CancellationToken.None));

        Assert.Contains("authentication required", error.Message);
        Assert.Empty(await registry.WriteRequestsAsync());
    }

    private static IEnumerable<string> AuthFiles(ToolInvocation invocation) =>
        invocation.Arguments
            .Where(a => a.StartsWith("--authfile=", StringComparison.Ordinal) || a.StartsWith("--src-authfile=", StringComparison.Ordinal)
                || a.StartsWith("--dest-authfile=", StringComparison.Ordinal))
            .Select(a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]);
}

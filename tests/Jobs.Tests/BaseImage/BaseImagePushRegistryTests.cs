using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.BaseImage;
using Releng.Jobs.Http;
using Releng.Jobs.Planning;
using Releng.Jobs.Registry;
using Releng.Jobs.Tests.Koji;
using Releng.Jobs.Tests.Registry;
using Releng.Jobs.Tests.Sandbox;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.BaseImage;

/// <summary>
/// The push job end to end: the fake Koji names a two-arch image build whose archives are hand-made OCI archives
/// served over HTTP like kojipkgs; the job downloads them, and skopeo publishes them to a real docker-registry.
/// </summary>
public sealed class BaseImagePushRegistryTests : IDisposable
{
    private const string Nvr = "Fedora-Container-Base-Generic-44-1.1";
    private readonly RegistryTestBed _bed = new();
    private readonly WireMockServer _kojipkgs = WireMockServer.Start();
    private readonly ServiceProvider _http = PushJobServices();

    private static ServiceProvider PushJobServices()
    {
        var services = new ServiceCollection();
        new BaseImagePushDescriptor().AddServices(services, HttpOptions.Default);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _http.Dispose();
        _kojipkgs.Stop();
        _kojipkgs.Dispose();
        _bed.Dispose();
    }

    private (TestSandbox Hub, TestImage Amd64, TestImage Arm64) KojiWithImageBuild(string salt = "")
    {
        var amd64 = TestImages.WriteOciArchive(_bed.NewDirectory("amd64"), new Platform("linux", "amd64"), salt);
        var arm64 = TestImages.WriteOciArchive(_bed.NewDirectory("arm64"), new Platform("linux", "arm64"), salt);
        var hub = KojiStories.Start($$"""
            koji:
              targets: { f44-container: { build_tag: f44-build, dest_tag: f44-updates-candidate } }
              builds:
                - { nvr: bash-5.3.0-1.fc44, tags: [f44], days_ago: 20 }
                - nvr: {{Nvr}}
                  type: image
                  tags: [f44-updates-candidate]
                  days_ago: 1
                  archives:
                    - { arch: x86_64, filename: {{Path.GetFileName(amd64.Location.Path)}}, rpms: [bash-5.3.0-1.fc44] }
                    - { arch: aarch64, filename: {{Path.GetFileName(arm64.Location.Path)}}, rpms: [bash-5.3.0-1.fc44] }
            """);
        foreach (var (archive, image) in hub.World.Koji.Archives.Zip(new[] { amd64, arm64 }))
        {
            var bytes = File.ReadAllBytes(image.Location.Path!);
            archive.Checksum = Convert.ToHexStringLower(SHA256.HashData(bytes));
            _kojipkgs.Given(Request.Create().WithPath($"/packages/Fedora-Container-Base-Generic/44/1.1/images/{archive.Filename}").UsingGet())
                .RespondWith(Response.Create().WithBody(bytes));
        }
        return (hub, amd64, arm64);
    }

    private BaseImagePushJob Job(TestSandbox hub, RepositoryReference repository) => new(
        hub.Koji, _bed.Reader, _bed.Publisher, new KojiImageDownloader(_http.GetRequiredService<IHttpClientFactory>()),
        new BaseImagePushOptions("Fedora-Container-Base-Generic", "f44-container", [repository], ["44", "latest"], new Uri(_kojipkgs.Url + "/")),
        new FixedClock(hub.World.Clock));

    [Fact]
    public async Task A_new_build_is_pushed_as_one_two_arch_index_under_each_tag_and_a_second_run_has_nothing_to_push()
    {
        await using var registry = await RegistryServer.StartAsync();
        var repository = registry.Repository("fedora/fedora");
        var (hub, amd64, arm64) = KojiWithImageBuild();
        using var _ = hub;

        var decision = Assert.Single((await Job(hub, repository).PlanAsync(CancellationToken.None)).Decisions);
        Assert.Equal(PushDecisionKinds.Push, decision.Action);
        Assert.Equal($"push:Fedora-Container-Base-Generic → {repository}:44,latest", decision.Subject);
        var result = await decision.Steps.Single().Run(CancellationToken.None);
        Assert.Equal(StepStatus.Done, result.Status);

        var index = await registry.GetManifestAsync(repository, "44");
        Assert.Equal(OciMediaTypes.ImageIndex, index.ContentType);
        using var json = JsonDocument.Parse(index.Body);
        var entries = json.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => (Arch: m.GetProperty("platform").GetProperty("architecture").GetString(), Digest: m.GetProperty("digest").GetString()))
            .ToList();
        Assert.Equal([("amd64", amd64.ManifestDigest), ("arm64", arm64.ManifestDigest)], entries);
        Assert.Equal(Nvr, json.RootElement.GetProperty("annotations").GetProperty(PushRule.BuildAnnotation).GetString());
        foreach (var (_, digest) in entries)
        {
            var manifest = await registry.GetManifestAsync(repository, digest!);
            Assert.Equal(System.Net.HttpStatusCode.OK, manifest.Status);
            Assert.Equal(OciMediaTypes.ImageManifest, manifest.ContentType);
            Assert.Equal(digest, Digests.Sha256(manifest.Body));
        }
        Assert.Equal(index.DigestHeader, (await registry.GetManifestAsync(repository, "latest")).DigestHeader);

        var writes = (await registry.WriteRequestsAsync()).Count;
        var again = Assert.Single((await Job(hub, repository).PlanAsync(CancellationToken.None)).Decisions);
        Assert.Equal(PushDecisionKinds.NothingToPush, again.Action);
        Assert.Contains("already published", again.Reason);
        Assert.Contains(index.DigestHeader!, again.Reason);
        // The step of the first plan, run again, finds the same digests there and writes nothing.
        var repeated = await decision.Steps.Single().Run(CancellationToken.None);
        Assert.Equal(StepStatus.AlreadyDone, repeated.Status);
        Assert.Equal(writes, (await registry.WriteRequestsAsync()).Count);
    }

    [Fact]
    public async Task An_archive_that_does_not_match_its_koji_checksum_is_never_pushed()
    {
        await using var registry = await RegistryServer.StartAsync();
        var repository = registry.Repository("fedora/fedora");
        var (hub, _, _) = KojiWithImageBuild();
        using var __ = hub;
        hub.World.Koji.Archives[1].Checksum = new string('0', 64);

        var decision = Assert.Single((await Job(hub, repository).PlanAsync(CancellationToken.None)).Decisions);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => decision.Steps.Single().Run(CancellationToken.None));

        Assert.Contains("checksum", error.Message);
        Assert.Empty(await registry.WriteRequestsAsync());
    }

    [Fact]
    public async Task An_archive_without_a_koji_checksum_is_never_pushed()
    {
        await using var registry = await RegistryServer.StartAsync();
        var repository = registry.Repository("fedora/fedora");
        var (hub, _, _) = KojiWithImageBuild();
        using var __ = hub;
        hub.World.Koji.Archives[1].Checksum = "";

        var decision = Assert.Single((await Job(hub, repository).PlanAsync(CancellationToken.None)).Decisions);
        var error = await Assert.ThrowsAsync<Releng.Jobs.Koji.KojiException>(() => decision.Steps.Single().Run(CancellationToken.None));

        Assert.Contains("no checksum", error.Message);
        Assert.Empty(await registry.WriteRequestsAsync());
    }
}

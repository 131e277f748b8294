using Releng.Jobs.BaseImage;
using Releng.Jobs.Registry;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Registry;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Tests.BaseImage;

/// <summary>The sandbox's registry stand-in: seeded tags, idempotent publishes, saved with the world.</summary>
public sealed class SandboxRegistryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sandbox-registry-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SandboxWorld World() => SandboxWorld.Seed(new Scenario
    {
        Registry = new RegistryScenario
        {
            Tags = { ["quay.io/fedora/fedora:44"] = new RegistryTagScenario { Build = "Fedora-Container-Base-Generic-44-1.1", Arches = ["x86_64", "aarch64"] } },
        },
    }, "test", new SandboxPaths(_directory));

    private static PublishRequest Request(string nvr) => new(
        new[] { "x86_64", "aarch64" }.Select(arch => new ArchImage(Platform.FromKojiArch(arch), ImageLocation.KojiImageArchive($"/nowhere/{nvr}.{arch}.oci.tar.xz"))).ToList(),
        [RepositoryReference.Parse("quay.io/fedora/fedora"), RepositoryReference.Parse("registry.fedoraproject.org/fedora")],
        ["44"])
    {
        Annotations = new Dictionary<string, string> { [PushRule.BuildAnnotation] = nvr },
    };

    [Fact]
    public async Task A_seeded_tag_reads_back_with_its_build_and_a_push_of_that_build_writes_only_the_missing_tag()
    {
        var world = World();
        var registry = new SandboxRegistry(world);

        var seeded = await registry.ReadTagAsync(ImageReference.Parse("quay.io/fedora/fedora:44"), CancellationToken.None);
        var result = await registry.PublishAsync(Request("Fedora-Container-Base-Generic-44-1.1"), CancellationToken.None);

        Assert.Equal("Fedora-Container-Base-Generic-44-1.1", PushRule.HeldBuild(seeded));
        Assert.Equal(2, seeded!.Manifests.Count);
        Assert.Equal([PublicationStatus.AlreadyPublished, PublicationStatus.Pushed], result.Tags.Select(t => t.Status));
        Assert.Single(world.Registry.Pushes);
    }

    [Fact]
    public async Task A_new_build_moves_the_tag_and_survives_a_save_and_load()
    {
        var world = World();
        var before = world.Registry.Tags["quay.io/fedora/fedora:44"].Digest;

        var result = await new SandboxRegistry(world).PublishAsync(Request("Fedora-Container-Base-Generic-44-1.2"), CancellationToken.None);
        var file = Path.Combine(_directory, "world.json");
        world.Save(file);
        var loaded = SandboxWorld.Load(file)!;
        var after = await new SandboxRegistry(loaded).ReadTagAsync(ImageReference.Parse("quay.io/fedora/fedora:44"), CancellationToken.None);

        Assert.False(result.AllAlreadyPublished);
        Assert.NotEqual(before, after!.Digest);
        Assert.Equal(result.IndexDigest, after.Digest);
        Assert.Equal("Fedora-Container-Base-Generic-44-1.2", PushRule.HeldBuild(after));
    }
}

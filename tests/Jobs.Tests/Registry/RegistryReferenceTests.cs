using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

public sealed class RegistryReferenceTests
{
    [Theory]
    [InlineData("quay.io/fedora/fedora", "quay.io", "fedora/fedora", false)]
    [InlineData("registry.fedoraproject.org/fedora", "registry.fedoraproject.org", "fedora", false)]
    [InlineData("127.0.0.1:5000/demo/hello", "127.0.0.1:5000", "demo/hello", true)]
    [InlineData("localhost:5000/fedora-minimal", "localhost:5000", "fedora-minimal", true)]
    [InlineData("[::1]:5000/fedora", "[::1]:5000", "fedora", true)]
    public void Repository_references_name_their_registry_and_path(string text, string registry, string path, bool loopback)
    {
        var reference = RepositoryReference.Parse(text);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(path, reference.Path);
        Assert.Equal(loopback, reference.IsLoopback);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("fedora")]                        // no registry: would mean Docker Hub
    [InlineData("fedora/fedora")]                 // first part is not a host
    [InlineData("quay.io/Fedora")]                // upper case
    [InlineData("quay.io/fedora;rm -rf")]         // ticket text must not reach a command
    [InlineData("quay.io/")]
    [InlineData("quay.io/fedora/../x")]
    public void Malformed_repository_references_are_rejected(string text) =>
        Assert.Throws<FormatException>(() => RepositoryReference.Parse(text));

    [Theory]
    [InlineData("quay.io/fedora/fedora:44", "44", null)]
    [InlineData("127.0.0.1:5000/fedora:latest", "latest", null)]
    [InlineData("quay.io/fedora/fedora@sha256:4e8ec61524b028710b1c7e6f0fc53c419c023d30a6840ea7a308a15d20ea3211", null,
        "sha256:4e8ec61524b028710b1c7e6f0fc53c419c023d30a6840ea7a308a15d20ea3211")]
    public void Image_references_carry_a_tag_or_a_digest(string text, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(text, reference.ToString());
        Assert.Equal("docker://" + text, reference.ToDockerTransport());
    }

    [Theory]
    [InlineData("127.0.0.1:5000/fedora")]
    [InlineData("quay.io/fedora/fedora:-bad")]
    [InlineData("quay.io/fedora/fedora@sha256:abc")]
    public void Image_references_without_a_valid_tag_or_digest_are_rejected(string text) =>
        Assert.Throws<FormatException>(() => ImageReference.Parse(text));

    [Theory]
    [InlineData("/koji/Fedora-Container-Base-Generic-44-1.7.x86_64.oci.tar.xz", ImageTransport.OciArchive, "oci-archive:")]
    [InlineData("/koji/Fedora-Container-Base-Generic-44-1.7.x86_64.oci.tar", ImageTransport.OciArchive, "oci-archive:")]
    [InlineData("/koji/Fedora-Container-Base-39-1.6.aarch64.tar.xz", ImageTransport.DockerArchive, "docker-archive:")]
    [InlineData("/koji/Fedora-Container-Base-39-1.6.aarch64.tar", ImageTransport.DockerArchive, "docker-archive:")]
    public void Koji_image_archives_are_read_with_the_transport_of_their_format(string file, ImageTransport transport, string prefix)
    {
        var location = ImageLocation.KojiImageArchive(file);

        Assert.Equal(transport, location.Transport);
        Assert.Equal(prefix + file, location.ToSkopeoArgument());
    }

    [Fact]
    public void Files_that_are_not_image_archives_are_rejected() =>
        Assert.Throws<ArgumentException>(() => ImageLocation.KojiImageArchive("/koji/Fedora-Cloud-Base-44.x86_64.qcow2"));

    [Theory]
    [InlineData("x86_64", "linux/amd64")]
    [InlineData("aarch64", "linux/arm64")]
    [InlineData("ppc64le", "linux/ppc64le")]
    [InlineData("s390x", "linux/s390x")]
    public void Koji_architectures_map_to_the_platforms_of_fedora_indexes(string arch, string platform) =>
        Assert.Equal(platform, Platform.FromKojiArch(arch).ToString());

    [Fact]
    public void Unknown_koji_architectures_are_rejected() =>
        Assert.Throws<ArgumentException>(() => Platform.FromKojiArch("noarch"));
}

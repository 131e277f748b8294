using System.Text;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

public sealed class ImageIndexTests
{
    private static readonly PlatformManifest Amd64 = new(new Platform("linux", "amd64"), "sha256:" + new string('a', 64), OciMediaTypes.ImageManifest, 401);
    private static readonly PlatformManifest Arm64 = new(new Platform("linux", "arm64", "v8"), "sha256:" + new string('b', 64), OciMediaTypes.ImageManifest, 402);

    [Fact]
    public void The_index_is_compact_json_with_platforms_and_media_types_written_plainly()
    {
        var json = Encoding.UTF8.GetString(ImageIndexWriter.Write([Amd64, Arm64]));

        Assert.Equal(
            """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[""" +
            $$$"""{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{Amd64.Digest}}}","size":401,"platform":{"architecture":"amd64","os":"linux"}},""" +
            $$$"""{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{Arm64.Digest}}}","size":402,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}""",
            json);
    }

    [Fact]
    public void Annotations_are_written_in_key_order_so_the_digest_does_not_depend_on_insertion_order()
    {
        var one = ImageIndexWriter.Write([Amd64], new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var other = ImageIndexWriter.Write([Amd64], new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.Equal(one, other);
        Assert.EndsWith("""],"annotations":{"a":"1","b":"2"}}""", Encoding.UTF8.GetString(one));
    }

    [Fact]
    public void Written_indexes_parse_back_to_the_same_entries()
    {
        var document = ManifestDocument.Parse(ImageIndexWriter.Write([Amd64, Arm64], new Dictionary<string, string> { ["k"] = "v" }));

        Assert.True(document.IsList);
        Assert.Equal([Amd64, Arm64], document.Manifests);
        Assert.Equal("v", document.Annotations["k"]);
    }

    [Fact]
    public void A_tag_matches_when_it_holds_the_same_platform_digests_in_any_order()
    {
        var tag = ImageReference.Parse("quay.io/fedora/fedora:44");
        var state = new TagState(tag, "sha256:" + new string('c', 64), OciMediaTypes.ImageIndex, [Arm64, Amd64], new Dictionary<string, string>());

        Assert.True(state.HasSameImagesAs([Amd64, Arm64]));
        Assert.False(state.HasSameImagesAs([Amd64]));
        Assert.False(state.HasSameImagesAs([Amd64, Arm64 with { Digest = "sha256:" + new string('d', 64) }]));
        Assert.False(state.HasSameImagesAs([Amd64, Arm64, Arm64 with { Platform = new Platform("linux", "s390x") }]));
    }

    [Fact]
    public void A_docker_manifest_list_with_the_same_digests_also_matches()
    {
        var tag = ImageReference.Parse("quay.io/fedora/fedora:44");
        var state = new TagState(tag, "sha256:" + new string('c', 64), OciMediaTypes.DockerManifestList, [Amd64, Arm64], new Dictionary<string, string>());

        Assert.True(state.HasSameImagesAs([Amd64, Arm64]));
    }

    [Fact]
    public void Summaries_name_what_was_pushed_and_what_was_already_there()
    {
        var repository = RepositoryReference.Parse("quay.io/fedora/fedora");
        var digest = "sha256:" + new string('e', 64);
        var result = new PublishResult(digest, [Amd64], [
            new TagPublication(repository.WithTag("44"), PublicationStatus.Pushed, digest),
            new TagPublication(repository.WithTag("latest"), PublicationStatus.AlreadyPublished, digest),
        ]);

        Assert.False(result.AllAlreadyPublished);
        Assert.Equal($"pushed {digest} to quay.io/fedora/fedora:44; already published at quay.io/fedora/fedora:latest", result.Summary);
    }
}

using Releng.Jobs.Bodhi;

namespace Releng.Jobs.Tests.Bodhi;

public sealed class BranchTagMapTests
{
    private static Release Fedora(int version, string branch, string state = "current", string? name = null,
        string idPrefix = "FEDORA", string? distTag = null)
    {
        var tag = distTag ?? $"f{version}";
        return new Release(name ?? $"F{version}", $"Fedora {version}", version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            idPrefix, branch, tag, $"{tag}-updates", $"{tag}-updates-testing", $"{tag}-updates-candidate", null, null, null, null,
            state, branch != "rawhide");
    }

    private static Release Epel(string version, string branch, string? distTag = null) =>
        new($"EPEL-{version}", $"Fedora EPEL {version}", version, "FEDORA-EPEL", branch, distTag ?? branch, distTag ?? branch,
            $"{distTag ?? branch}-testing", $"{distTag ?? branch}-testing-candidate", null, null, null, null, "current", true);

    private static Release Eln() =>
        new("ELN", "Fedora ELN", "eln", "FEDORA", "eln", "eln", "eln", null, "eln-build", null, null, null, null, "pending", false);

    private static readonly BranchTagMap Today = BranchTagMap.From(
    [
        Fedora(45, "rawhide", "pending"),
        Fedora(44, "f44", "pending"),
        Fedora(43, "f43"),
        Fedora(43, "f43", name: "F43C", idPrefix: "FEDORA-CONTAINER", distTag: "f43-container"),
        Fedora(43, "f43", name: "F43F", idPrefix: "FEDORA-FLATPAK", distTag: "f43-flatpak-updates-candidate"),
        Fedora(42, "f42"),
        Fedora(41, "f41", "archived"),
        Epel("10.1", "epel10"),
        Epel("10.0", "epel10.0"),
        Epel("9", "epel9"),
        Eln(),
    ]);

    [Fact]
    public void Rawhide_maps_to_the_dist_tag_of_the_rawhide_release() =>
        Assert.Equal("f45", Today.TagFor("rawhide"));

    [Fact]
    public void Rawhide_asked_for_by_its_number_is_the_rawhide_branch_and_tag()
    {
        Assert.Equal("f45", Today.TagFor("f45"));
        Assert.Equal("rawhide", Today.DistGitBranch("f45"));
        Assert.Equal("rawhide", Today.DistGitBranch("rawhide"));
    }

    [Theory]
    [InlineData("f44", "f44")]
    [InlineData("f43", "f43")]
    [InlineData("f42", "f42")]
    [InlineData("epel9", "epel9")]
    [InlineData("epel10", "epel10")]
    [InlineData("epel10.0", "epel10.0")]
    [InlineData("eln", "eln")]
    public void Release_branch_maps_to_its_dist_tag(string branch, string tag) =>
        Assert.Equal(tag, Today.TagFor(branch));

    [Fact]
    public void Container_and_flatpak_releases_on_the_same_branch_do_not_replace_the_rpm_tag()
    {
        Assert.Equal("F43", Today.ReleaseFor("f43")!.Name);
        Assert.Equal("f43-container", Today.TagFor("f43", "container"));
    }

    [Fact]
    public void Container_branch_without_a_container_release_falls_back_to_the_container_tag_naming() =>
        Assert.Equal("f42-container", Today.TagFor("f42", "container"));

    [Fact]
    public void Archived_and_unknown_branches_have_no_tag()
    {
        Assert.Null(Today.TagFor("f41"));
        Assert.Null(Today.TagFor("f40"));
        Assert.False(Today.TryGetTag("epel7", out _));
        Assert.Null(Today.DistGitBranch("f41"));
    }

    [Fact]
    public void Latest_builds_come_from_the_updates_tag_except_on_rawhide()
    {
        Assert.Equal("f45", Today.LatestBuildsTagFor("rawhide"));
        Assert.Equal("f43-updates", Today.LatestBuildsTagFor("f43"));
        Assert.Equal("epel9", Today.LatestBuildsTagFor("epel9"));
    }

    [Fact]
    public void Without_a_rawhide_row_the_newest_pending_Fedora_release_is_rawhide()
    {
        var map = BranchTagMap.From([Fedora(45, "f45", "pending"), Fedora(44, "f44", "pending"), Fedora(43, "f43"), Eln()]);

        Assert.Equal("f45", map.TagFor("rawhide"));
        Assert.Equal("rawhide", map.DistGitBranch("f45"));
        Assert.Equal("f44", map.TagFor("f44"));
    }

    [Fact]
    public void Rpm_branches_list_rawhide_once_and_skip_other_kinds()
    {
        Assert.Equal(["rawhide", "f44", "f43", "f42", "epel10", "epel10.0", "epel9", "eln"], Today.Branches());
        Assert.Equal(["f43"], Today.Branches("container"));
    }

    [Fact]
    public void ELN_version_is_not_a_number()
    {
        var eln = Today.ReleaseFor("eln")!;
        Assert.Null(eln.NumericVersion);
        Assert.Equal(ReleaseKind.Rpm, eln.Kind);
    }

    [Fact]
    public void Namespace_without_Bodhi_releases_is_refused() =>
        Assert.Throws<ArgumentException>(() => Today.TagFor("rawhide", "tests"));
}

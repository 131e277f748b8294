using Releng.Jobs.Bodhi;

namespace Releng.Jobs.Tests.Bodhi;

public class ReleaseNamesTests
{
    public static Release Fedora(int version, string state, string? branch = null) => new(
        $"F{version}", $"Fedora {version}", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "FEDORA",
        branch ?? $"f{version}", $"f{version}", $"f{version}-updates", $"f{version}-updates-testing", $"f{version}-updates-candidate",
        null, null, null, $"f{version}-override", state, branch != "rawhide");

    private static Release Container(int version) => Fedora(version, "current") with { Name = $"F{version}C", IdPrefix = "FEDORA-CONTAINER", DistTag = $"f{version}-container" };

    private static Release Epel(int version) => Fedora(version, "current") with
    {
        Name = $"EPEL-{version}", IdPrefix = "FEDORA-EPEL", Branch = $"epel{version}", DistTag = $"epel{version}",
    };

    /// <summary>December 2026: F45 is out, rawhide is F46, nothing is branched.</summary>
    public static IReadOnlyList<Release> AfterF45 { get; } =
        [Fedora(46, "pending", "rawhide"), Fedora(45, "current"), Container(45), Fedora(44, "current"), Epel(10), Fedora(43, "archived")];

    /// <summary>August 2026, after the branching: F45 is branched and pending, rawhide is F46.</summary>
    public static IReadOnlyList<Release> BranchedF45 { get; } =
        [Fedora(46, "pending", "rawhide"), Fedora(45, "frozen"), Fedora(44, "current"), Fedora(43, "current")];

    [Theory]
    [InlineData("{rawhide}", "f46")]
    [InlineData("{rawhide.version}", "46")]
    [InlineData("{latest-stable}-updates", "f45-updates")]
    [InlineData("{oldest-stable}-container", "f44-container")]
    [InlineData("git+https://pagure.io/fedora-kiwi-descriptions.git#{latest-stable}", "git+https://pagure.io/fedora-kiwi-descriptions.git#f45")]
    [InlineData("{f44.version}", "44")]
    [InlineData("rawhide", "rawhide")]
    public void Names_in_braces_become_todays_release(string written, string expected)
    {
        var uses = new List<ReleaseNameUse>();

        var value = new ReleaseNames(AfterF45).Expand(written, uses, out var missing);

        Assert.Equal(expected, value);
        Assert.Null(missing);
        Assert.Equal(written.Contains('{', StringComparison.Ordinal) ? 1 : 0, uses.Count);
    }

    [Fact]
    public void Branched_is_the_pending_release_that_is_not_rawhide_and_moves_at_the_next_branching()
    {
        Assert.Equal("F45", new ReleaseNames(BranchedF45).Find(ReleaseNames.Branched)?.Name);
        Assert.Equal("F44", new ReleaseNames(BranchedF45).Find(ReleaseNames.LatestStable)?.Name);
        Assert.Equal("F43", new ReleaseNames(BranchedF45).Find(ReleaseNames.OldestStable)?.Name);
        Assert.Null(new ReleaseNames(AfterF45).Find(ReleaseNames.Branched));
    }

    [Fact]
    public void A_name_that_stands_for_no_release_is_named_and_nothing_is_expanded()
    {
        var value = new ReleaseNames(AfterF45).Expand("{branched}-updates", [], out var missing);

        Assert.Null(value);
        Assert.Equal("branched", missing);
        Assert.Null(new ReleaseNames(AfterF45).Expand("{f43}", [], out var archived));
        Assert.Equal("f43", archived);
    }

    [Fact]
    public void The_use_says_what_the_name_resolved_to()
    {
        var uses = new List<ReleaseNameUse>();

        new ReleaseNames(AfterF45).Expand("{rawhide}-container", uses, out _);

        Assert.Equal("{rawhide} → f46 (F46, pending)", Assert.Single(uses).ToString());
    }
}

/// <summary>Bodhi answering from a fixed list of releases, counting how often it is asked.</summary>
internal sealed class FixedBodhi(IReadOnlyList<Release> releases) : IBodhi
{
    public int Calls { get; private set; }

    public Task<IReadOnlyList<Release>> GetActiveReleasesAsync(CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(releases);
    }

    public async Task<BranchTagMap> GetBranchTagMapAsync(CancellationToken cancellationToken = default) =>
        BranchTagMap.From(await GetActiveReleasesAsync(cancellationToken));
}

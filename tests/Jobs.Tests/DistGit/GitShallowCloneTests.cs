using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>
/// A retirement check reads each branch's head and its parent (a shallow clone), not the package's whole history,
/// and finds the same retirement as a full clone, also when the retirement is older than what it fetched.
/// </summary>
public sealed class GitShallowCloneTests
{
    private const string LongHistory = """
        clock: 2026-11-24T12:00:00Z
        people:
          jdoe: {}
        distgit:
          rpms/long:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { message: "Update to 2", days_ago: 800 }
                - { message: "Update to 3", days_ago: 700 }
                - { message: "Update to 4", days_ago: 600 }
                - { message: "Update to 5", days_ago: 500 }
                - { retire: "Retired: unmaintained", days_ago: 21 }
              f43:
                from: rawhide
                after: 2
                commits:
                  - { retire: "Retired: unmaintained", days_ago: 60 }
                  - { message: "Touch after retirement", days_ago: 50, files: { README: "one" } }
                  - { message: "Touch again", days_ago: 40, files: { README: "two" } }
        """;

    private static readonly DistGitRepo Long = DistGitRepo.Parse("rpms/long");

    [Fact]
    public async Task A_retirement_at_the_head_is_found_from_the_head_and_its_parent_alone()
    {
        await using var sandbox = DistGitStories.Start(LongHistory);
        await using var full = await sandbox.Git().CloneAsync(Long);
        await using var shallow = await sandbox.Git().ShallowCloneAsync(Long);

        var expected = await full.FindRetirementAsync("rawhide");
        var found = await shallow.FindRetirementAsync("rawhide");

        Assert.Equal(expected, found);
        Assert.True(found!.IsHead);
        Assert.Equal(2, CommitsIn(shallow, "rawhide"));
        Assert.Equal(6, CommitsIn(full, "rawhide"));
    }

    [Fact]
    public async Task A_retirement_older_than_the_parent_fetches_the_rest_and_counts_the_later_commits()
    {
        await using var sandbox = DistGitStories.Start(LongHistory);
        await using var full = await sandbox.Git().CloneAsync(Long);
        await using var shallow = await sandbox.Git().ShallowCloneAsync(Long);

        var expected = await full.FindRetirementAsync("f43");
        var found = await shallow.FindRetirementAsync("f43");

        Assert.Equal(expected, found);
        Assert.Equal(2, found!.CommitsAfter);
        Assert.False(found.IsHead);
        Assert.Equal(sandbox.World.Clock.AddDays(-60), found.AuthorDate);
    }

    [Fact]
    public async Task With_the_head_and_dead_package_the_api_gave_the_answer_is_the_same_and_a_head_the_copy_lacks_is_read_anew()
    {
        await using var sandbox = DistGitStories.Start(LongHistory);
        await using var shallow = await sandbox.Git().ShallowCloneAsync(Long);
        var branches = await sandbox.DistGit.GetBranchesAsync(Long);
        var reason = await sandbox.DistGit.GetRetirementReasonAsync(Long, "rawhide");
        var expected = await shallow.FindRetirementAsync("rawhide");

        var hinted = await shallow.FindRetirementAsync("rawhide", branches!.HeadOf("rawhide"), reason);
        var stale = await shallow.FindRetirementAsync("rawhide", new string('0', 40), reason);

        Assert.Equal(expected!.Hash, hinted!.Hash);
        Assert.Equal((expected.AuthorDate, expected.CommitsAfter, expected.Head), (hinted.AuthorDate, hinted.CommitsAfter, hinted.Head));
        Assert.Equal(expected, stale);
    }

    private static int CommitsIn(GitWorkingCopy copy, string branch) =>
        int.Parse(Releng.Jobs.Sandbox.DistGit.Git.Run(copy.Directory, "rev-list", "--count", $"refs/remotes/origin/{branch}").Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
}

using Microsoft.Extensions.Time.Testing;
using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>The git client against real bare repositories: finding retirements, reverting them as the SOP says, cleaning up.</summary>
public sealed class GitClientTests
{
    private const string TicketUrl = "https://pagure.io/releng/issue/12001";

    [Fact]
    public async Task Finds_the_commit_that_retired_a_branch_with_its_date_reason_and_that_it_is_the_head()
    {
        await using var sandbox = DistGitStories.Start();
        await using var copy = await sandbox.Git().CloneAsync(DistGitStories.Pyte);

        var retirement = await copy.FindRetirementAsync("rawhide");

        Assert.NotNull(retirement);
        Assert.Equal(sandbox.Head(DistGitStories.Pyte, "rawhide"), retirement.Hash);
        Assert.True(retirement.IsHead);
        Assert.Equal(0, retirement.CommitsAfter);
        Assert.Equal(sandbox.World.Clock.AddDays(-21), retirement.AuthorDate);
        Assert.Equal("Orphaned for 6+ weeks", retirement.Subject);
        Assert.Equal("Orphaned for 6+ weeks\n", retirement.Reason);
        Assert.Equal("releng <releng@fedoraproject.org>", retirement.Author);
    }

    [Fact]
    public async Task A_branch_that_was_never_retired_has_no_retirement()
    {
        await using var sandbox = DistGitStories.Start();
        await using var copy = await sandbox.Git().CloneAsync(DistGitStories.Pyte);

        Assert.Null(await copy.FindRetirementAsync("epel9"));
        await Assert.ThrowsAsync<ArgumentException>(() => copy.FindRetirementAsync("f99"));
    }

    [Fact]
    public async Task A_retirement_with_later_commits_is_not_the_head_and_is_refused_untouched()
    {
        await using var sandbox = DistGitStories.Start();
        var before = sandbox.Head(DistGitStories.Touched, "rawhide");
        await using var copy = await sandbox.Git().CloneAsync(DistGitStories.Touched);

        var retirement = await copy.FindRetirementAsync("rawhide");
        var result = Assert.Single(await copy.RevertRetirementAsync(["rawhide"], TicketUrl));

        Assert.NotNull(retirement);
        Assert.False(retirement.IsHead);
        Assert.Equal(1, retirement.CommitsAfter);
        Assert.Equal(sandbox.World.Clock.AddDays(-30), retirement.AuthorDate);
        Assert.Equal(RevertStatus.Refused, result.Status);
        Assert.Contains("not the head", result.Detail, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.Head(DistGitStories.Touched, "rawhide"));
    }

    [Fact]
    public async Task The_revert_names_the_ticket_is_signed_off_by_releng_and_is_pushed()
    {
        await using var sandbox = DistGitStories.Start();
        var retired = sandbox.Head(DistGitStories.Pyte, "rawhide");
        var clock = new FakeTimeProvider(sandbox.World.Clock);
        await using var copy = await sandbox.Git(clock: clock).CloneAsync(DistGitStories.Pyte);

        var results = await copy.RevertRetirementAsync(["rawhide"], TicketUrl);

        var result = Assert.Single(results);
        Assert.Equal(RevertStatus.Reverted, result.Status);
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");
        Assert.Equal(head, result.Commit);
        Assert.Equal(retired, sandbox.Bare(DistGitStories.Pyte, "rev-parse", $"{head}^"));
        Assert.False(sandbox.HasFile(DistGitStories.Pyte, "rawhide", "dead.package"));
        Assert.True(sandbox.HasFile(DistGitStories.Pyte, "rawhide", "python-pyte.spec"));
        var message = sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%B", head);
        Assert.StartsWith($"Unretirement request: {TicketUrl}\n", message, StringComparison.Ordinal);
        Assert.Contains($"This reverts commit {retired}", message, StringComparison.Ordinal);
        Assert.EndsWith("Signed-off-by: Fedora Release Engineering <releng@fedoraproject.org>", message, StringComparison.Ordinal);
        Assert.Equal("Fedora Release Engineering <releng@fedoraproject.org>", sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%an <%ae>", head));
        Assert.Equal(sandbox.World.Clock.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%ct", head));
        // The fake API reads the same repository: the branch is no longer retired there either.
        Assert.Null(await sandbox.DistGit.GetRetirementReasonAsync(DistGitStories.Pyte, "rawhide"));
    }

    [Fact]
    public async Task A_second_revert_is_already_done_and_points_at_the_first()
    {
        await using var sandbox = DistGitStories.Start();
        string? first;
        await using (var copy = await sandbox.Git().CloneAsync(DistGitStories.Pyte))
        {
            first = Assert.Single(await copy.RevertRetirementAsync(["rawhide"], TicketUrl)).Commit;
        }

        await using var again = await sandbox.Git().CloneAsync(DistGitStories.Pyte);
        var result = Assert.Single(await again.RevertRetirementAsync(["rawhide"], TicketUrl));

        Assert.Equal(RevertStatus.AlreadyReverted, result.Status);
        Assert.Equal(first, result.Commit);
        Assert.Equal(first, sandbox.Head(DistGitStories.Pyte, "rawhide"));
    }

    [Fact]
    public async Task Branches_with_identical_history_share_one_revert_and_diverged_ones_get_their_own()
    {
        await using var sandbox = DistGitStories.Start();
        await using var copy = await sandbox.Git().CloneAsync(DistGitStories.Pyte);

        var results = (await copy.RevertRetirementAsync(["rawhide", "f43", "f42", "epel9"], TicketUrl)).ToDictionary(r => r.Branch);

        Assert.Equal(RevertStatus.Reverted, results["rawhide"].Status);
        Assert.Equal(RevertStatus.Reverted, results["f43"].Status);
        Assert.Equal(RevertStatus.Reverted, results["f42"].Status);
        Assert.Equal(RevertStatus.AlreadyReverted, results["epel9"].Status);
        Assert.Equal(results["rawhide"].Commit, results["f43"].Commit);
        Assert.Contains("fast-forwarded", results["f43"].Detail, StringComparison.Ordinal);
        Assert.NotEqual(results["rawhide"].Commit, results["f42"].Commit);
        Assert.Equal(sandbox.Head(DistGitStories.Pyte, "rawhide"), sandbox.Head(DistGitStories.Pyte, "f43"));
        Assert.Equal(results["f42"].Commit, sandbox.Head(DistGitStories.Pyte, "f42"));
        foreach (var branch in new[] { "rawhide", "f43", "f42" })
        {
            Assert.False(sandbox.HasFile(DistGitStories.Pyte, branch, "dead.package"));
        }
    }

    [Fact]
    public async Task The_working_copy_is_removed_after_use_and_after_a_failed_clone()
    {
        await using var sandbox = DistGitStories.Start();
        var git = sandbox.Git();
        string directory;
        await using (var copy = await git.CloneAsync(DistGitStories.Pyte))
        {
            directory = copy.Directory;
            Assert.True(Directory.Exists(Path.Combine(directory, ".git")));
        }

        var failure = await Assert.ThrowsAsync<GitCommandException>(() => git.CloneAsync(DistGitRepo.Parse("rpms/no-such-package")));

        Assert.False(Directory.Exists(directory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(sandbox.TempRoot));
        Assert.StartsWith("git clone", failure.Command, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../rawhide")]
    [InlineData("f43;rm -rf ~")]
    [InlineData("raw hide")]
    [InlineData("rawhide\n")]
    [InlineData("--upload-pack=touch x")]
    [InlineData("-f")]
    public async Task Hostile_branch_names_are_refused_before_any_git_command(string branch)
    {
        await using var sandbox = DistGitStories.Start();
        var commands = new List<string>();
        await using var copy = await sandbox.Git(log: commands.Add).CloneAsync(DistGitStories.Pyte);
        var before = commands.Count;

        await Assert.ThrowsAsync<DistGitNameException>(() => copy.FindRetirementAsync(branch));
        await Assert.ThrowsAsync<DistGitNameException>(() => copy.HeadAsync(branch));
        await Assert.ThrowsAsync<DistGitNameException>(() => copy.RevertRetirementAsync(["rawhide", branch], TicketUrl));

        Assert.Equal(before, commands.Count);
        Assert.Equal(sandbox.Head(DistGitStories.Pyte, "f43"), sandbox.Head(DistGitStories.Pyte, "rawhide"));
    }

    [Theory]
    [InlineData("pagure.io/releng/issue/1")]
    [InlineData("https://pagure.io/releng/issue/1\nSigned-off-by: someone")]
    [InlineData("file:///etc/passwd")]
    public async Task A_ticket_url_that_is_not_a_plain_web_address_is_refused_before_any_git_command(string ticketUrl)
    {
        await using var sandbox = DistGitStories.Start();
        var commands = new List<string>();
        await using var copy = await sandbox.Git(log: commands.Add).CloneAsync(DistGitStories.Pyte);
        var before = commands.Count;

        await Assert.ThrowsAsync<DistGitNameException>(() => copy.RevertRetirementAsync(["rawhide"], ticketUrl));

        Assert.Equal(before, commands.Count);
    }

    [Fact]
    public void Repository_urls_are_built_under_the_git_base_for_web_and_local_remotes()
    {
        var web = new GitClientOptions(new Uri("https://src.fedoraproject.org/"));
        var local = new GitClientOptions(new Uri("/srv/git/"));

        Assert.Equal("https://src.fedoraproject.org/rpms/python-pyte.git", web.RepositoryUrl(DistGitStories.Pyte));
        Assert.Equal(Path.GetFullPath("/srv/git/rpms/python-pyte.git"), local.RepositoryUrl(DistGitStories.Pyte));
    }

    [Fact]
    public async Task The_push_token_never_appears_in_a_command_line()
    {
        await using var sandbox = DistGitStories.Start();
        var commands = new List<string>();
        var git = new GitClient(new GitClientOptions(sandbox.Endpoints.DistGitGit)
        {
            TempRoot = sandbox.TempRoot, Log = commands.Add, PushToken = "very-secret-token",
        });

        await using (var copy = await git.CloneAsync(DistGitStories.Pyte))
        {
            await copy.RevertRetirementAsync(["rawhide"], TicketUrl);
        }

        Assert.Contains(commands, c => c.StartsWith("git push", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("very-secret-token", StringComparison.Ordinal));
    }
}

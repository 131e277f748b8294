using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>The <c>distgit:</c> scenario section as release engineers write it, seeded into bare repositories.</summary>
public sealed class DistGitScenarioTests
{
    [Fact]
    public async Task Commits_are_dated_by_days_ago_and_retire_entries_replace_the_files_by_dead_package()
    {
        await using var sandbox = DistGitStories.Start();

        var dates = sandbox.Bare(DistGitStories.Pyte, "log", "--format=%at", "refs/heads/rawhide").Split('\n')
            .Select(long.Parse).Select(DateTimeOffset.FromUnixTimeSeconds).ToList();

        Assert.Equal([-21, -300, -900], dates.Select(d => (int)Math.Round((d - sandbox.World.Clock).TotalDays)));
        Assert.Equal("dead.package", sandbox.Bare(DistGitStories.Pyte, "ls-tree", "--name-only", "refs/heads/rawhide"));
        Assert.Equal("Jane Doe <jdoe@fedoraproject.org>", sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%an <%ae>", "refs/heads/rawhide~1"));
    }

    [Fact]
    public async Task Same_as_shares_the_head_and_from_after_shares_the_first_commits()
    {
        await using var sandbox = DistGitStories.Start();

        Assert.Equal(sandbox.Head(DistGitStories.Pyte, "rawhide"), sandbox.Head(DistGitStories.Pyte, "f43"));
        Assert.Equal(sandbox.Bare(DistGitStories.Pyte, "rev-parse", "refs/heads/rawhide~1"), sandbox.Head(DistGitStories.Pyte, "epel9"));
        Assert.Equal(sandbox.Head(DistGitStories.Pyte, "epel9"), sandbox.Bare(DistGitStories.Pyte, "rev-parse", "refs/heads/f42~1"));
        Assert.Equal("rawhide", sandbox.Bare(DistGitStories.Pyte, "symbolic-ref", "--short", "HEAD"));
    }

    [Fact]
    public async Task The_scenario_people_are_the_known_accounts()
    {
        await using var sandbox = DistGitStories.Start();

        Assert.Contains("jdoe", sandbox.World.DistGit.Users);
        Assert.Contains("alice", sandbox.World.DistGit.Users);
        Assert.Contains("orphan", sandbox.World.DistGit.Users);
    }

    [Fact]
    public async Task A_saved_world_keeps_what_the_writes_changed()
    {
        await using var sandbox = DistGitStories.Start();
        await sandbox.DistGit.SetMainAdminAsync(DistGitStories.Pyte, "jdoe");
        var file = Path.Combine(sandbox.Root, "world.json");

        sandbox.World.Save(file);
        var loaded = SandboxWorld.Load(file)!;

        Assert.Equal("jdoe", loaded.DistGit.Find("rpms", "python-pyte")!.Owner);
        Assert.Equal(["alice"], loaded.DistGit.Find("rpms", "python-pyte")!.Collaborators.Keys);
        Assert.Equal(sandbox.World.DistGit.GitRoot, loaded.DistGit.GitRoot);
        Assert.Equal(sandbox.World.DistGit.NextProjectId, loaded.DistGit.NextProjectId);
    }

    [Theory]
    [InlineData("rawhide: copy-of f43", "same-as")]
    [InlineData("rawhide:\n          - { message: \"x\", days_ago: 1, colour: red }", "colour")]
    [InlineData("rawhide:\n          - { message: \"x\" }", "days_ago")]
    public void A_mistake_in_a_branch_is_reported_with_its_line(string branches, string expected)
    {
        var yaml = $"""
            distgit:
              rpms/x:
                owner: jdoe
                branches:
                    {branches}
            """;

        var error = Assert.Throws<ConfigurationException>(() => DistGitStories.Start(yaml));

        Assert.True(error.Line > 0, error.Message);
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("f43: same-as f44", "f44")]
    [InlineData("f43: same-as f43", "cycle")]
    [InlineData("f43: { from: rawhide, after: 9 }", "after")]
    public void A_branch_made_from_something_impossible_is_refused(string branch, string expected)
    {
        var yaml = $$"""
            distgit:
              rpms/x:
                owner: jdoe
                branches:
                  rawhide:
                    - { message: "Initial import", days_ago: 10 }
                  {{branch}}
            """;

        var error = Assert.Throws<ConfigurationException>(() => DistGitStories.Start(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  rpms/x:\n    owner: jdoe\n    branches:\n      rawhide: []\n", 3, 5, "distgit rpms/x: branch rawhide has no commits")]
    [InlineData("  rpms/x:\n    owner: jdoe\n    branches:\n      rawhide:\n        - { message: x, days_ago: 1, files: { ../up: x } }\n", 3, 5,
        "distgit rpms/x: branch rawhide: file path '../up' leaves the repository")]
    [InlineData("  rpms/x:\n    owner: jdoe\n  nonamespace:\n    owner: jdoe\n", 5, 5, "distgit nonamespace: ")]
    public void What_dist_git_cannot_seed_is_reported_at_the_repository_entry(string section, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => DistGitStories.Start("distgit:\n" + section));

        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.EndsWith("scenario.yaml", error.File, StringComparison.Ordinal);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }
}

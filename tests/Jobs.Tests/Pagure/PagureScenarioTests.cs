using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Pagure;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Tests.Pagure;

public sealed class PagureScenarioTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pagure-scenario-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Hand_written_section_seeds_projects_issues_and_comment_ids()
    {
        File.WriteAllText(_file, """
            clock: 2026-11-24T12:00:00Z
            pagure:
              projects:
                releng:
                  close_statuses: [Fixed, Invalid, Duplicate, "Insufficient data", Upstream, "Can't Fix"]
                  issues:
                    - { id: 12001, title: "Unretire rpms/python-pyte", author: jdoe, body: "Please unretire for rawhide", days_ago: 2,
                        comments: [ { author: releng-bot, body: "checked", days_ago: 1 } ] }
                    - { title: "Unretire rpms/foo", author: jdoe, tags: [unretire], private: true, assignee: alice }
                releng/fedora-scm-requests:
                  close_statuses: [Processed, Invalid, Denied]
                  issues:
                    - { id: 70001, title: "New Repo", author: jdoe, status: Closed, close_status: Processed, days_ago: 5,
                        comments: [ { author: jdoe, body: "thanks", days_ago: 4 } ] }
            """);
        var (scenario, _) = ScenarioLoader.Load(_file);

        var world = PagureWorld.Seed(scenario, new SandboxPaths(Path.GetTempPath()));

        var releng = world.Projects["releng"];
        Assert.Equal("releng-bot", world.Bot);
        Assert.Equal([12001, 12002], releng.Issues.Select(issue => issue.Id));
        Assert.Equal(scenario.Clock.AddDays(-2), releng.Issues[0].DateCreated);
        Assert.Equal(scenario.Clock.AddDays(-1), releng.Issues[0].LastUpdated);
        Assert.True(releng.Issues[1].Private);
        var scm = world.Projects["releng/fedora-scm-requests"].Issues.Single();
        Assert.Equal(("Closed", "Processed"), (scm.Status, scm.CloseStatus));
        Assert.Equal([1L, 2L], new[] { releng.Issues[0].Comments[0].Id, scm.Comments[0].Id });
        Assert.Equal(2, world.LastCommentId);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_with_its_line()
    {
        File.WriteAllText(_file, """
            pagure:
              projects:
                releng:
                  issues:
                    - { title: "x", author: jdoe, day_ago: 2 }
            """);

        var error = Assert.Throws<ConfigurationException>(() => ScenarioLoader.Load(_file));

        Assert.Equal(5, error.Line);
        Assert.Contains("day_ago", error.Problem);
    }

    [Fact]
    public void Pagure_state_survives_the_saved_world()
    {
        var scenario = new Scenario
        {
            Pagure = new PagureScenario
            {
                Tokens = { ["t"] = "alice" },
                Projects = { ["releng"] = new PagureScenario.Project { CloseStatuses = ["Fixed"], Issues = [new() { Title = "x", Author = "jdoe", Comments = [new() { Author = "jdoe", Body = "hi" }] }] } },
            },
        };
        var worldFile = Path.ChangeExtension(_file, ".json");
        try
        {
            var world = SandboxWorld.Seed(scenario, "hash", new SandboxPaths(Path.GetTempPath()));
            world.Save(worldFile);

            var loaded = SandboxWorld.Load(worldFile)!;

            Assert.Equal("alice", loaded.Pagure.UserForToken("t"));
            Assert.Equal("releng-bot", loaded.Pagure.UserForToken("other"));
            var issue = Assert.Single(loaded.Pagure.Projects["releng"].Issues);
            Assert.Equal(("hi", 1L), (issue.Comments[0].Text, issue.Comments[0].Id));
            Assert.Equal(["Fixed"], loaded.Pagure.Projects["releng"].CloseStatuses);
        }
        finally
        {
            File.Delete(worldFile);
        }
    }
}

using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Bugzilla;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Tests.Bugzilla;

public sealed class BugzillaScenarioTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bz-scenario-").FullName;

    private BugzillaWorld Seed(string yaml)
    {
        var file = Path.Combine(_directory, "scenario.yaml");
        File.WriteAllText(file, yaml);
        var (scenario, hash) = ScenarioLoader.Load(file);
        return SandboxWorld.Seed(scenario, hash, new SandboxPaths(_directory)).Bugzilla;
    }

    [Fact]
    public void Hand_written_review_bug_gets_emails_from_people_and_sensible_defaults()
    {
        var world = Seed("""
            clock: 2026-11-24T12:00:00Z
            people:
              jdoe: { email: jdoe@example.com }
              reviewer: {}
            bugzilla:
              bugs:
                - id: 2300001
                  summary: "Review Request: perl-Foo - Foo"
                  creator: jdoe
                  assigned_to: reviewer
                  days_ago: 20
                  flags: [ { name: fedora-review, status: "+", setter: reviewer, days_ago: 3 } ]
            """);

        var bug = Assert.Single(world.Bugs);
        Assert.Equal("jdoe@example.com", bug.Creator);
        Assert.Equal("reviewer@fedoraproject.org", bug.AssignedTo);
        Assert.Equal(["Package Review"], bug.Component);
        Assert.Equal("Fedora", bug.Product);
        Assert.Equal("ASSIGNED", bug.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero), bug.CreationTime);
        var flag = Assert.Single(bug.Flags);
        Assert.Equal(("fedora-review", "+", "reviewer@fedoraproject.org"), (flag.Name, flag.Status, flag.Setter));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), flag.ModificationDate);
        Assert.Equal(0, Assert.Single(bug.Comments).Count);
    }

    [Fact]
    public void Bug_without_assignee_is_new_and_assigned_to_nobody()
    {
        var world = Seed("""
            bugzilla:
              bugs:
                - { id: 1, summary: "Review Request: x - y", creator: someone@example.com }
            """);

        var bug = Assert.Single(world.Bugs);
        Assert.Equal("nobody@fedoraproject.org", bug.AssignedTo);
        Assert.Equal("NEW", bug.Status);
    }

    [Fact]
    public void Person_who_is_neither_in_people_nor_an_email_is_a_scenario_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => Seed("""
            bugzilla:
              bugs:
                - { id: 1, creator: jdoe }
            """));

        Assert.Contains("'jdoe' is neither a user under people: nor an e-mail address", error.Message);
    }

    [Fact]
    public void Unknown_key_in_a_bug_is_a_scenario_error()
    {
        Assert.Throws<ConfigurationException>(() => Seed("""
            bugzilla:
              bugs:
                - { id: 1, creator: a@b.c, reporter: a@b.c }
            """));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("bugzilla:\n  bugs:\n    - { id: 1, creator: jdoe }\n", 3, 7, "bugzilla bug 1: 'jdoe' is neither")]
    [InlineData("bugzilla:\n  bugs:\n    - id: 1\n      creator: a@b.c\n      comments:\n        - { author: jdoe, text: hi }\n", 6, 11,
        "bugzilla bug 1: 'jdoe' is neither")]
    [InlineData("bugzilla:\n  bugs:\n    - id: 1\n      creator: a@b.c\n      flags:\n        - { name: fedora-review, status: '+', setter: jdoe }\n",
        6, 11, "bugzilla bug 1: 'jdoe' is neither")]
    [InlineData("bugzilla:\n  bugs:\n    - { id: 1, creator: a@b.c }\n    - { id: 1, creator: a@b.c }\n", 4, 7, "bugzilla bug 1 is listed twice")]
    [InlineData("bugzilla:\n  api_user: nobody\n", 2, 3, "bugzilla.api_user: 'nobody' is neither")]
    public void What_bugzilla_cannot_seed_is_reported_at_its_entry_in_the_scenario(string yaml, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => Seed(yaml));

        Assert.Equal((Path.Combine(_directory, "scenario.yaml"), line, column), (error.File, (int)error.Line, (int)error.Column));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bug_without_its_creator_is_reported_at_the_bug_that_lacks_it()
    {
        var error = Assert.Throws<ConfigurationException>(() => Seed("bugzilla:\n  bugs:\n    - { id: 1, summary: x }\n"));

        Assert.Equal((3L, 7L), (error.Line, error.Column));
        Assert.Contains("missing required key", error.Problem, StringComparison.Ordinal);
        Assert.Contains("creator", error.Problem, StringComparison.Ordinal);
    }
}

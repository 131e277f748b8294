using Releng.Jobs.Reviews;
using Releng.Jobs.ScmRequests;

namespace Releng.Jobs.Tests.ScmRequests;

public sealed class ScmRequestParserTests
{
    private const string Fedpkg2018 = """
        ```
        {
         "action": "new_repo",
         "branch": "master",
         "bug_id": 1441813,
         "description": "",
         "exception": false,
         "monitor": "monitoring",
         "namespace": "rpms",
         "repo": "nethack",
         "summary": "A rogue-like single player dungeon exploration game",
         "upstreamurl": "",
         "sls": {"rawhide": "2222-01-01"}
        }
        ```
        """;

    [Fact]
    public void Request_of_2018_with_master_and_a_numeric_bug_reads_as_a_new_repository_without_extra_branch()
    {
        var request = ScmRequestParser.Parse(Fedpkg2018).Request!;
        Assert.Equal((ScmAction.NewRepo, "rpms/nethack", 1441813, (string?)null), (request.Action, request.Repo.FullName, request.BugId, request.ExtraBranch));
        Assert.Equal("A rogue-like single player dungeon exploration game", request.Summary);
        Assert.True(request.InitialCommit);
    }

    [Theory]
    [InlineData("\"2400001\"", 2400001)]
    [InlineData("2400001", 2400001)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Bug_id_may_be_a_number_a_string_or_empty(string json, int? expected) =>
        Assert.Equal(expected, ScmRequestParser.Parse(NewRepo($"\"bug_id\": {json}")).Request!.BugId);

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Bug_id_that_is_no_bug_number_is_an_invalid_bug(string json) =>
        Assert.Equal(ReviewMessages.InvalidBug, ScmRequestParser.Parse(NewRepo($"\"bug_id\": {json}")).Problem);

    [Fact]
    public void Request_for_rawhide_with_an_epel9_branch_asks_for_that_extra_branch() =>
        Assert.Equal("epel9", ScmRequestParser.Parse(NewRepo("\"bug_id\": 1", branch: "epel9")).Request!.ExtraBranch);

    [Fact]
    public void Initial_commit_false_and_exception_true_are_kept()
    {
        var request = ScmRequestParser.Parse(NewRepo("\"bug_id\": \"\", \"exception\": true, \"initial_commit\": false")).Request!;
        Assert.True(request.Exception);
        Assert.False(request.InitialCommit);
    }

    [Theory]
    [InlineData("not json at all", "it holds no JSON object")]
    [InlineData("```\n{\"action\": \"new_repo\",\n```", "broken JSON at line 3, column 1")]
    [InlineData("```\n[1, 2]\n```", "it is JSON but not an object (`{ … }`)")]
    [InlineData("```\n{\"action\": \"new_fork\", \"repo\": \"x\"}\n```", "unknown action `new_fork` (expected `new_repo` or `new_branch`)")]
    [InlineData("```\n{\"repo\": \"x\"}\n```", "it names no `action` (expected `new_repo` or `new_branch`)")]
    public void Body_that_is_no_request_is_an_invalid_ticket_body_that_says_why(string body, string why) =>
        Assert.Equal($"{ScmMessages.InvalidBody}: {why}", ScmRequestParser.Parse(body).Problem);

    [Fact]
    public void Missing_required_field_is_named() =>
        Assert.Equal("Invalid body, missing required field: monitor",
            ScmRequestParser.Parse("```\n{\"action\": \"new_repo\", \"repo\": \"x\", \"branch\": \"rawhide\", \"bug_id\": 1, \"namespace\": \"rpms\"}\n```").Problem);

    [Fact]
    public void Unknown_monitor_choice_is_refused_with_its_value() =>
        Assert.Equal("The monitor choice of `sometimes` is invalid",
            ScmRequestParser.Parse(NewRepo("\"bug_id\": 1", monitor: "sometimes")).Problem);

    [Fact]
    public void Unknown_namespace_is_refused() =>
        Assert.StartsWith("The namespace `srpms` is invalid", ScmRequestParser.Parse(NewRepo("\"bug_id\": 1", ns: "srpms")).Problem, StringComparison.Ordinal);

    [Fact]
    public void New_branch_needs_only_namespace_branch_and_repo()
    {
        var request = ScmRequestParser.Parse("```\n{\"action\": \"new_branch\", \"namespace\": \"rpms\", \"branch\": \"epel9\", \"repo\": \"nethack\", \"create_git_branch\": true}\n```").Request!;
        Assert.Equal((ScmAction.NewBranch, "epel9", "rpms/nethack"), (request.Action, request.Branch, request.Repo.FullName));
    }

    [Theory]
    [InlineData("rawhide", true)]
    [InlineData("f43", true)]
    [InlineData("epel9", true)]
    [InlineData("epel9-next", true)]
    [InlineData("epel10.1", true)]
    [InlineData("eln", true)]
    [InlineData("feature-x", false)]
    [InlineData("epel7-playground", false)]
    public void Standard_branches_are_the_release_branches(string branch, bool standard) =>
        Assert.Equal(standard, ScmBranches.IsStandard(branch));

    [Theory]
    [InlineData("f43x")]
    [InlineData("el9")]
    [InlineData("epel99")]
    public void Name_that_only_looks_like_a_release_is_no_valid_non_standard_branch(string branch) =>
        Assert.True(ScmBranches.LooksLikeRelease(branch));

    [Theory]
    [InlineData("HEAD", "The branch name `HEAD` is invalid: `HEAD` is a name git reserves for its own references")]
    [InlineData("refs/heads/f43", "The branch name `refs/heads/f43` is invalid: it starts with `refs/`; give the branch name alone")]
    [InlineData("f43@{0}", "The branch name `f43@{0}` is invalid: it contains `@{` (or is `@`), which git reads as a revision")]
    public void Git_special_branch_name_is_refused_with_what_is_wrong(string branch, string problem) =>
        Assert.Equal(problem, ScmRequestParser.Parse(
            $"```\n{{\"action\": \"new_branch\", \"namespace\": \"rpms\", \"branch\": \"{branch}\", \"repo\": \"nethack\"}}\n```").Problem);

    [Fact]
    public void Quoted_ticket_text_cannot_mention_people_or_break_out_of_the_comment() =>
        Assert.Equal("`` U+000A@someone `code` ``", ScmMessages.Shown("\n@someone `code`"));

    private static string NewRepo(string bug, string branch = "rawhide", string monitor = "monitoring", string ns = "rpms") =>
        $"```\n{{\"action\": \"new_repo\", \"branch\": \"{branch}\", {bug}, \"monitor\": \"{monitor}\", \"namespace\": \"{ns}\", \"repo\": \"python-ferret\"}}\n```";
}

using Releng.Jobs.ScmRequests;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>The one strict reader of request JSON: no guessing on duplicate keys, wrong types or oversized bodies.</summary>
public sealed class RequestJsonTests
{
    [Fact]
    public void A_key_given_twice_is_refused_with_the_key_and_where_it_comes_again()
    {
        var parsed = RequestJson.Parse("```\n{\n \"branch\": \"epel9\",\n \"branch\": \"f40\"\n}\n```");
        Assert.Null(parsed.Object);
        Assert.Equal("the key `branch` is given twice (again at line 4, column 2); give each key once", parsed.Problem);
    }

    [Fact]
    public void A_key_given_twice_inside_a_nested_object_is_refused_too() =>
        Assert.StartsWith("the key `bug_fixes` is given twice",
            RequestJson.Parse("{\"sls\": {\"bug_fixes\": \"2025-12-01\", \"bug_fixes\": \"2099-12-01\"}}").Problem, StringComparison.Ordinal);

    [Fact]
    public void The_same_key_in_two_sibling_objects_is_no_duplicate() =>
        Assert.NotNull(RequestJson.Parse("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}").Object);

    [Fact]
    public void Broken_json_is_refused_with_its_line_and_column_in_the_ticket_body()
    {
        var parsed = RequestJson.Parse("```\n{\n \"action\": \"new_repo\",\n \"branch\" \"rawhide\"\n}\n```");
        Assert.Equal("broken JSON at line 4, column 11", parsed.Problem);
    }

    [Fact]
    public void A_body_over_the_size_cap_is_refused_unread() =>
        Assert.Equal($"the body is longer than {RequestJson.MaxBodyLength} characters",
            RequestJson.Parse("{\"a\": \"" + new string('x', RequestJson.MaxBodyLength) + "\"}").Problem);

    [Fact]
    public void A_body_without_an_object_is_refused() =>
        Assert.Equal("it holds no JSON object", RequestJson.Parse("please make me a repo").Problem);

    [Fact]
    public void Json_that_is_no_object_is_refused() =>
        Assert.Equal("it is JSON but not an object (`{ … }`)", RequestJson.Parse("```\n[1, 2]\n```").Problem);

    [Fact]
    public void A_fence_with_a_json_language_tag_is_read()
    {
        using var json = RequestJson.Parse("```json\n{\"repo\": \"nethack\"}\n```").Object!;
        Assert.Equal("nethack", json.Text("repo"));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_with_what_it_must_be_and_where()
    {
        using var json = RequestJson.Parse("```\n{\n \"bug_id\": {\"id\": 1},\n \"branch\": [\"f43\"]\n}\n```").Object!;
        Assert.Equal("`bug_id` must be a number or a string, not an object (line 3, column 2)",
            json.WrongType("bug_id", System.Text.Json.JsonValueKind.Number, System.Text.Json.JsonValueKind.String));
        Assert.Equal("`branch` must be a string, not a list (line 4, column 2)", json.WrongType("branch", System.Text.Json.JsonValueKind.String));
    }

    [Theory]
    [InlineData("{\"action\": \"new_branch\", \"branch\": \"epel9\", \"branch\": \"f40\", \"namespace\": \"rpms\", \"repo\": \"nethack\"}",
        "Invalid ticket body: the key `branch` is given twice (again at line 2, column 45); give each key once")]
    [InlineData("{\"action\": \"new_branch\", \"action\": \"new_repo\", \"branch\": \"f40\", \"namespace\": \"rpms\", \"repo\": \"nethack\"}",
        "Invalid ticket body: the key `action` is given twice (again at line 2, column 26); give each key once")]
    [InlineData("{\"action\": \"new_repo \", \"branch\": \"rawhide\"}",
        "Invalid ticket body: unknown action ` new_repo  ` (expected `new_repo` or `new_branch`)")]
    [InlineData("{\"action\": \"fork\", \"branch\": \"rawhide\"}",
        "Invalid ticket body: unknown action `fork` (expected `new_repo` or `new_branch`)")]
    [InlineData("{\"repo\": \"nethack\"}",
        "Invalid ticket body: it names no `action` (expected `new_repo` or `new_branch`)")]
    [InlineData("{\"action\": [\"new_repo\"]}",
        "Invalid ticket body: `action` must be a string, not a list (line 2, column 2)")]
    [InlineData("{\"action\": \"new_repo\", \"branch\": \"rawhide\", \"bug_id\": {\"id\": 1}, \"monitor\": \"monitoring\", \"namespace\": \"rpms\", \"repo\": \"nethack\"}",
        "Invalid ticket body: `bug_id` must be a number or a string or null, not an object (line 2, column 45)")]
    [InlineData("{\"action\": \"new_branch\", \"branch\": [\"f43\", \"f44\"], \"namespace\": \"rpms\", \"repo\": \"nethack\"}",
        "Invalid ticket body: `branch` must be a string, not a list (line 2, column 26)")]
    [InlineData("{\"action\": \"new_repo\", \"exception\": \"yes\", \"branch\": \"rawhide\", \"bug_id\": \"\", \"monitor\": \"monitoring\", \"namespace\": \"rpms\", \"repo\": \"nethack\"}",
        "Invalid ticket body: `exception` must be true or false or null, not a string (line 2, column 24)")]
    [InlineData("{\"action\": \"new_repo\",\n\"branch\": rawhide}",
        "Invalid ticket body: broken JSON at line 3, column 11")]
    public void A_scm_request_body_that_breaks_a_rule_is_invalid_with_the_exact_reason(string json, string problem) =>
        Assert.Equal(problem, ScmRequestParser.Parse("```\n" + json + "\n```").Problem);

    [Fact]
    public void An_scm_request_body_over_the_size_cap_says_so() =>
        Assert.Equal($"Invalid ticket body: the body is longer than {RequestJson.MaxBodyLength} characters",
            ScmRequestParser.Parse(new string(' ', RequestJson.MaxBodyLength) + "{}").Problem);

    [Theory]
    [InlineData("request-unretirement")]
    [InlineData("unretirement")]
    [InlineData("unretire")]
    public void An_unretirement_action_is_left_to_the_unretire_job_rather_than_refused(string action)
    {
        var parsed = ScmRequestParser.Parse($"```\n{{\"action\": \"{action}\", \"name\": \"python-pyte\"}}\n```");
        Assert.Null(parsed.Problem);
        Assert.Null(parsed.Request);
        Assert.NotNull(parsed.HandledBy);
    }
}

using System.Net;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.Tests.Pagure;

public sealed class PagureSampleParsingTests
{
    [Fact]
    public void Closed_issue_reads_with_fractional_timestamps_users_and_notification_comment()
    {
        var issue = Samples.Read<PagureIssue>("issue_1_after.json");

        Assert.Equal(1, issue.Id);
        Assert.False(issue.IsOpen);
        Assert.Equal("Fixed", issue.CloseStatus);
        Assert.Equal("admin", issue.User.Name);
        Assert.Equal("Admin Spike", issue.ClosedBy!.Fullname);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795557104873) + TimeSpan.FromTicks(4270), issue.DateCreated);
        Assert.Equal(["compose", "f42"], issue.Tags);
        Assert.Equal(1, issue.Priority);
        Assert.Equal([1L, 2L, 3L], issue.Comments.Select(comment => comment.Id));
        Assert.Equal("Looking into it.\n\n**bold** +1", issue.Comments[0].Comment);
        Assert.Equal("alice", issue.Comments[1].User.Name);
        Assert.Equal([false, false, true], issue.Comments.Select(comment => comment.Notification));
    }

    [Fact]
    public void Whole_second_timestamps_of_older_servers_read_too()
    {
        var issue = Samples.Read<PagureIssue>("issue_1_before.json");
        var older = System.Text.Json.JsonSerializer.Deserialize<PagureIssue>(
            Samples.Text("issue_1_before.json").Replace("\"1795557104.873427\"", "\"1427442217\""), PagureJson.Options)!;

        Assert.True(issue.IsOpen);
        Assert.Null(issue.ClosedAt);
        Assert.Null(issue.Assignee);
        Assert.Empty(issue.Comments);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1427442217), older.DateCreated);
    }

    [Fact]
    public void Issue_page_counts_this_page_only_and_the_pages_to_read()
    {
        var page = Samples.Read<PagureIssuePage>("issues_page1.json");

        Assert.Equal(2, page.TotalIssues);
        Assert.Equal(2, page.Issues.Count);
        Assert.Equal(new PagurePagination(1, 3, 2,
            "http://127.0.0.1:5111/api/0/releng/issues?per_page=2&status=Open&page=1",
            "http://127.0.0.1:5111/api/0/releng/issues?per_page=2&status=Open&page=3",
            "http://127.0.0.1:5111/api/0/releng/issues?per_page=2&status=Open&page=2",
            null), page.Pagination);
    }

    [Fact]
    public void Empty_list_has_zero_pages()
    {
        var page = Samples.Read<PagureIssuePage>("issues_since_future.json");

        Assert.Empty(page.Issues);
        Assert.Equal(0, page.Pagination.Pages);
    }

    [Fact]
    public void Private_assigned_issue_reads_its_assignee()
    {
        var created = Samples.Read<CreatedIssue>("new_issue_3_private.json");

        Assert.True(created.Issue.Private);
        Assert.Equal("alice", created.Issue.Assignee!.Name);
    }

    [Fact]
    public void Project_lists_its_close_statuses_and_owner()
    {
        var project = Samples.Read<PagureProject>("project_releng.json");

        Assert.Equal(["Fixed", "Invalid", "Duplicate", "Insufficient data", "Upstream", "Can't Fix"], project.CloseStatus);
        Assert.Equal(["admin"], project.AccessUsers["owner"]);
        Assert.Null(project.Namespace);
        Assert.Equal("High", project.Priorities["1"]);
        Assert.True(project.Milestones["F42"].Active);
    }

    [Theory]
    [InlineData("status_close_1.json", true, 2)]
    [InlineData("status_close_5_status_is_close_status.json", true, 2)]
    [InlineData("status_reopen_2.json", true, 1)]
    [InlineData("status_close_1_again.json", false, 1)]
    public void Status_message_is_a_list_of_changes_or_the_string_no_changes(string sample, bool changed, int messages)
    {
        var answer = Samples.Read<PagureMessageResponse>(sample);

        Assert.Equal(changed, answer.Changed);
        Assert.Equal(messages, answer.Message.Count);
    }

    [Fact]
    public void Comment_answer_names_the_author_as_a_plain_string()
    {
        var answer = Samples.Read<PagureCommentAdded>("comment_1_alice.json");

        Assert.Equal("alice", answer.User);
        Assert.Equal("Comment added", answer.Message);
    }

    [Theory]
    [InlineData("new_issue_err_noauth.json", HttpStatusCode.Unauthorized, "EINVALIDTOK", "Invalid token")]
    [InlineData("new_issue_err_bearer.json", HttpStatusCode.Unauthorized, "EINVALIDTOK", "Invalid token")]
    [InlineData("new_issue_err_noproject.json", HttpStatusCode.NotFound, "ENOPROJECT", null)]
    [InlineData("issue_err_999.json", HttpStatusCode.NotFound, "ENOISSUE", null)]
    [InlineData("issue_err_private_anon.json", HttpStatusCode.Forbidden, "EISSUENOTALLOWED", null)]
    [InlineData("status_err_badclose.json", HttpStatusCode.BadRequest, "EINVALIDREQ", "close_status: Not a valid choice.")]
    [InlineData("comment_err_empty.json", HttpStatusCode.BadRequest, "EINVALIDREQ", "comment: This field is required.")]
    [InlineData("issues_err_page0.json", HttpStatusCode.BadRequest, "EINVALIDREQ", null)]
    [InlineData("issues_since_bad.json", HttpStatusCode.BadRequest, "EDATETIME", null)]
    [InlineData("issues_err_perpage101.json", HttpStatusCode.BadRequest, "EINVALIDPERPAGEVALUE", null)]
    public void Error_bodies_become_pagure_exceptions_with_their_code(string sample, HttpStatusCode status, string code, string? detail)
    {
        var error = PagureErrors.FromBody(status, Samples.Text(sample));

        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(detail, error.Detail);
        Assert.NotEmpty(error.Error);
    }

    [Fact]
    public void A_non_pagure_error_page_is_reported_as_http_error()
    {
        var error = PagureErrors.FromBody(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "Bad Gateway");

        Assert.Equal(PagureErrorCode.Http, error.ErrorCode);
        Assert.Equal("<html>Bad gateway</html>", error.Detail);
    }

    [Theory]
    [InlineData("1795557132.4673", "1795557132.4673")]
    [InlineData("1795557104.873427", "1795557104.873427")]
    [InlineData("1427442217", "1427442217.0")]
    public void Timestamps_format_back_the_way_pagure_writes_them(string read, string written)
    {
        var value = PagureTimestampConverter.FromEpochSeconds(decimal.Parse(read, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(written, PagureTimestampConverter.Format(value));
    }

    private sealed record CreatedIssue(PagureIssue Issue, string Message);
}

using System.Net;
using Releng.Jobs.Pagure;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Releng.Jobs.Tests.Pagure.PagureStories;

namespace Releng.Jobs.Tests.Pagure;

/// <summary>The real client against the fake: the exact requests it sends and what it makes of the answers.</summary>
public sealed class PagureClientContractTests
{
    [Fact]
    public async Task Listing_sends_every_filter_with_repeated_tags_and_since_as_whole_seconds()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1, tags: "compose"), Issue(2, tags: "meeting"), Issue(3, tags: "f42")));
        var filter = new PagureIssueFilter
        {
            Status = "Open",
            Tags = ["compose", "meeting", "!f42"],
            Author = "jdoe",
            Assignee = "alice",
            Since = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_750),
            Order = "asc",
            PerPage = 50,
        };

        await pagure.PagureApi.ListAllIssuesAsync("releng", filter);

        var request = Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/issues"));
        Assert.Equal(
            "?status=Open&tags=compose&tags=meeting&tags=%21f42&author=jdoe&assignee=alice&since=1700000000&order=asc&page=1&per_page=50",
            Query(request));
        Assert.Equal("token " + Token, Header(request, "Authorization"));
    }

    [Fact]
    public async Task Tags_are_ored_and_bang_excludes()
    {
        using var pagure = PagureStories.Start(RelengProjects(
            Issue(1, tags: "compose"), Issue(2, tags: ["meeting", "f42"]), Issue(3, tags: "f42"), Issue(4)));

        var either = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Tags = ["compose", "meeting"] });
        var notF42 = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Tags = ["!f42"] });

        Assert.Equal([1, 2], either.Select(issue => issue.Id).Order());
        Assert.Equal([1, 4], notF42.Select(issue => issue.Id).Order());
    }

    [Fact]
    public async Task Paging_builds_page_urls_itself_and_stops_at_the_last_page()
    {
        // The server's next link keeps only tags=compose; following it would lose the meeting tickets on page 2.
        var issues = Enumerable.Range(1, 5).Select(id => Issue(id, daysAgo: 10 - id, tags: id % 2 == 0 ? "meeting" : "compose")).ToArray();
        using var pagure = PagureStories.Start(RelengProjects(issues));

        var all = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Tags = ["compose", "meeting"], PerPage = 2 });

        Assert.Equal([1, 2, 3, 4, 5], all.Select(issue => issue.Id).Order());
        var queries = pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/issues").Select(Query).ToList();
        // Page 1 says how many pages there are; the others are read at once, so they may arrive in any order.
        Assert.Equal("?status=Open&tags=compose&tags=meeting&page=1&per_page=2", queries[0]);
        Assert.Equal(
        [
            "?status=Open&tags=compose&tags=meeting&page=2&per_page=2",
            "?status=Open&tags=compose&tags=meeting&page=3&per_page=2",
        ], queries.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_empty_list_is_one_request()
    {
        using var pagure = PagureStories.Start(RelengProjects());

        var none = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Since = DateTimeOffset.UnixEpoch.AddSeconds(4_000_000_000) });

        Assert.Empty(none);
        Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/issues"));
    }

    [Fact]
    public async Task Since_is_inclusive_on_last_update()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1, daysAgo: 5), Issue(2, daysAgo: 2)));
        var clock = pagure.World.Clock;

        var recent = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Since = clock.AddDays(-2) });

        Assert.Equal([2], recent.Select(issue => issue.Id));
    }

    [Fact]
    public async Task Status_filter_accepts_a_close_status_name()
    {
        var fixedOne = Issue(1);
        fixedOne.CloseStatus = "Fixed";
        var invalidOne = Issue(2);
        invalidOne.CloseStatus = "Invalid";
        using var pagure = PagureStories.Start(RelengProjects(fixedOne, invalidOne, Issue(3)));

        var fixedIssues = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Status = "Fixed" });
        var closed = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Status = PagureIssueStatus.Closed });
        var all = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { Status = PagureIssueStatus.All });

        Assert.Equal([1], fixedIssues.Select(issue => issue.Id));
        Assert.Equal([1, 2], closed.Select(issue => issue.Id).Order());
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task Namespaced_project_keeps_its_slash_in_the_path()
    {
        using var pagure = PagureStories.Start(RelengProjects());

        var issue = await pagure.PagureApi.GetIssueAsync("releng/fedora-scm-requests", 70001);
        var project = await pagure.PagureApi.GetProjectAsync("releng/fedora-scm-requests");

        Assert.Equal(70001, issue.Id);
        Assert.Equal(["Processed", "Invalid", "Denied"], project.CloseStatus);
        Assert.Equal("releng", project.Namespace);
        Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/fedora-scm-requests/issue/70001"));
    }

    [Fact]
    public async Task Comment_is_form_encoded_and_shows_in_later_reads_as_the_token_user()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(12001)));
        const string text = "+1 for a & b = c\n\n<!-- releng-jobs:test v1 -->";

        var answer = await pagure.PagureApi.AddCommentAsync("releng", 12001, new PagureCommentForm(text));
        var issue = await pagure.PagureApi.GetIssueAsync("releng", 12001);

        var request = Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/releng/issue/12001/comment"));
        Assert.StartsWith("application/x-www-form-urlencoded", Header(request, "Content-Type"));
        Assert.Equal("token " + Token, Header(request, "Authorization"));
        Assert.Equal("comment=%2B1+for+a+%26+b+%3D+c%0A%0A%3C%21--+releng-jobs%3Atest+v1+--%3E", request.RequestMessage.Body);
        Assert.Equal("releng-bot", answer.User);
        var comment = Assert.Single(issue.Comments);
        Assert.Equal(text, comment.Comment);
        Assert.Equal("releng-bot", comment.User.Name);
        Assert.False(comment.Notification);
    }

    [Fact]
    public async Task Write_without_token_is_refused_with_einvalidtok()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(12001)), token: null);

        var error = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.AddCommentAsync("releng", 12001, new PagureCommentForm("hello")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(PagureErrorCode.InvalidToken, error.ErrorCode);
        Assert.Equal("Invalid token", error.Detail);
        Assert.Null(Header(Assert.Single(pagure.Requests(ServiceName.Pagure)), "Authorization"));
        Assert.Empty(pagure.World.Pagure.Projects["releng"].Issues[0].Comments);
    }

    [Fact]
    public async Task Unknown_project_and_issue_give_their_error_codes()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));

        var noProject = await Assert.ThrowsAsync<PagureException>(() => pagure.PagureApi.GetIssueAsync("nonexistent", 1));
        var noIssue = await Assert.ThrowsAsync<PagureException>(() => pagure.PagureApi.GetIssueAsync("releng", 999));
        var noIssueForComment = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.AddCommentAsync("releng", 999, new PagureCommentForm("x")));

        Assert.Equal((HttpStatusCode.NotFound, PagureErrorCode.NoProject), (noProject.Status, noProject.ErrorCode));
        Assert.Equal((HttpStatusCode.NotFound, PagureErrorCode.NoIssue), (noIssue.Status, noIssue.ErrorCode));
        Assert.Equal(PagureErrorCode.NoIssue, noIssueForComment.ErrorCode);
    }

    [Fact]
    public async Task Status_change_sends_close_status_and_a_bad_one_is_einvalidreq()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));

        var bad = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.ChangeStatusAsync("releng", 1, new PagureStatusForm("Closed", "Bogus")));
        var first = await pagure.PagureApi.ChangeStatusAsync("releng", 1, new PagureStatusForm("Closed", "Fixed"));
        var again = await pagure.PagureApi.ChangeStatusAsync("releng", 1, new PagureStatusForm("Closed", "Fixed"));
        var issue = await pagure.PagureApi.GetIssueAsync("releng", 1);

        Assert.Equal((HttpStatusCode.BadRequest, PagureErrorCode.InvalidRequest), (bad.Status, bad.ErrorCode));
        Assert.Equal("close_status: Not a valid choice.", bad.Detail);
        Assert.Equal(["Issue status updated to: Closed (was: Open)", "Issue close_status updated to: Fixed"], first.Message);
        Assert.False(again.Changed);
        Assert.Equal("status=Closed&close_status=Fixed", pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/releng/issue/1/status")[1].RequestMessage.Body);
        Assert.Equal(("Closed", "Fixed"), (issue.Status, issue.CloseStatus));
        var notification = Assert.Single(issue.Comments);
        Assert.True(notification.Notification);
        Assert.Equal("**Metadata Update from @releng-bot**:\n- Issue close_status updated to: Fixed\n- Issue status updated to: Closed (was: Open)",
            notification.Comment);
    }

    [Fact]
    public async Task Status_without_close_status_leaves_the_field_out_of_the_form()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));

        await pagure.PagureApi.ChangeStatusAsync("releng", 1, new PagureStatusForm("Closed"));

        Assert.Equal("status=Closed", Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/releng/issue/1/status")).RequestMessage.Body);
    }

    [Fact]
    public async Task A_non_committer_may_not_change_the_status()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)), token: "alice-token");

        var error = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.ChangeStatusAsync("releng", 1, new PagureStatusForm("Closed", "Invalid")));

        Assert.Equal((HttpStatusCode.Forbidden, PagureErrorCode.IssueNotAllowed), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Custom_field_is_set_once()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)), token: RelengProjectToken);

        var set = await pagure.PagureApi.SetCustomFieldAsync("releng", 1, "review", new PagureCustomFieldForm("https://bugzilla.redhat.com/1"));
        var again = await pagure.PagureApi.SetCustomFieldAsync("releng", 1, "review", new PagureCustomFieldForm("https://bugzilla.redhat.com/1"));
        var unknown = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.SetCustomFieldAsync("releng", 1, "nosuch", new PagureCustomFieldForm("x")));
        var issue = await pagure.PagureApi.GetIssueAsync("releng", 1);

        Assert.True(set.Changed);
        Assert.False(again.Changed);
        Assert.Equal(PagureErrorCode.InvalidIssueField, unknown.ErrorCode);
        var field = Assert.Single(issue.CustomFields);
        Assert.Equal(("review", "link", "https://bugzilla.redhat.com/1"), (field.Name, field.KeyType, field.Value));
    }

    [Fact]
    public async Task Whoami_and_version()
    {
        using var pagure = PagureStories.Start(RelengProjects(), token: "alice-token");

        var me = await pagure.PagureApi.WhoAmIAsync();
        var version = await pagure.PagureApi.GetVersionAsync();

        Assert.Equal("alice", me.Username);
        Assert.Equal("0.31", version.Version);
        Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/-/whoami"));
    }

    [Fact]
    public async Task A_get_that_fails_with_503_is_retried()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));
        pagure.Server(ServiceName.Pagure)
            .Given(Request.Create().WithPath("/api/0/releng/issue/1").UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>Service Unavailable</html>"));

        var issue = await pagure.PagureApi.GetIssueAsync("releng", 1);

        Assert.Equal(1, issue.Id);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK],
            pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/issue/1").Select(StatusOf));
    }

    [Fact]
    public async Task Editing_an_issue_needs_a_token_of_its_project_like_the_real_server()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));

        var assign = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.AssignAsync("releng", 1, new PagureAssignForm("releng-bot")));
        var field = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.SetCustomFieldAsync("releng", 1, "review", new PagureCustomFieldForm("https://bugzilla.redhat.com/1")));
        var comment = await pagure.PagureApi.AddCommentAsync("releng", 1, new PagureCommentForm("a user token may comment"));

        Assert.Equal((HttpStatusCode.Unauthorized, PagureErrorCode.InvalidToken), (assign.Status, assign.ErrorCode));
        Assert.Equal((HttpStatusCode.Unauthorized, PagureErrorCode.InvalidToken), (field.Status, field.ErrorCode));
        Assert.Equal("Comment added", comment.Message);
        Assert.Null((await pagure.PagureApi.GetIssueAsync("releng", 1)).Assignee);
    }

    [Fact]
    public async Task A_project_token_is_refused_on_another_project()
    {
        using var pagure = PagureStories.Start(RelengProjects(), token: RelengProjectToken);

        var error = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.AddCommentAsync("releng/fedora-scm-requests", 70001, new PagureCommentForm("wrong project")));

        Assert.Equal((HttpStatusCode.Unauthorized, PagureErrorCode.InvalidToken), (error.Status, error.ErrorCode));
        Assert.Empty((await pagure.PagureApi.GetIssueAsync("releng/fedora-scm-requests", 70001)).Comments);
    }

    [Fact]
    public async Task Whoami_is_a_read_so_a_503_on_it_is_retried()
    {
        using var pagure = PagureStories.Start(RelengProjects(), token: "alice-token");
        pagure.Server(ServiceName.Pagure)
            .Given(Request.Create().WithPath("/api/0/-/whoami").UsingPost())
            .InScenario("flaky whoami").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>Service Unavailable</html>"));

        var me = await pagure.Tracker.WhoAmIAsync();

        Assert.Equal("alice", me);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK],
            pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/-/whoami").Select(StatusOf));
    }

    [Fact]
    public async Task Whoami_counts_as_a_read_in_the_plan_footer_though_it_is_a_post_and_a_comment_as_a_write()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)), token: "alice-token");
        var counter = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Releng.Jobs.Http.RequestCounter>(pagure.Services);

        await pagure.Tracker.WhoAmIAsync();
        var afterWhoami = counter.Snapshot().For(ServiceName.Pagure);
        await pagure.PagureApi.AddCommentAsync("releng", 1, new PagureCommentForm("hello"));
        var afterComment = counter.Snapshot().For(ServiceName.Pagure);

        Assert.Equal((1, 0), (afterWhoami.Reads, afterWhoami.Writes));
        Assert.Equal((1, 1), (afterComment.Reads, afterComment.Writes));
        Assert.Equal("pagure 1 read / 1 write", counter.Snapshot().Describe());
    }

    [Fact]
    public async Task A_post_that_fails_with_503_is_not_repeated()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));
        pagure.Server(ServiceName.Pagure)
            .Given(Request.Create().WithPath("/api/0/releng/issue/1/comment").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>Service Unavailable</html>"));

        var error = await Assert.ThrowsAsync<PagureException>(() =>
            pagure.PagureApi.AddCommentAsync("releng", 1, new PagureCommentForm("once")));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, PagureErrorCode.Http), (error.Status, error.ErrorCode));
        Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/releng/issue/1/comment"));
    }

    [Fact]
    public async Task Anonymous_reads_do_not_see_private_issues()
    {
        var secret = Issue(2);
        secret.Private = true;
        using var anonymous = PagureStories.Start(RelengProjects(Issue(1), secret), token: null);
        using var bot = PagureStories.Start(RelengProjects(Issue(1), secret));

        var anonymousList = await anonymous.PagureApi.ListAllIssuesAsync("releng");
        var botList = await bot.PagureApi.ListAllIssuesAsync("releng");
        var hidden = await Assert.ThrowsAsync<PagureException>(() => anonymous.PagureApi.GetIssueAsync("releng", 2));

        Assert.Equal([1], anonymousList.Select(issue => issue.Id));
        Assert.Equal([1, 2], botList.Select(issue => issue.Id).Order());
        Assert.Equal(PagureErrorCode.IssueNotAllowed, hidden.ErrorCode);
    }
}

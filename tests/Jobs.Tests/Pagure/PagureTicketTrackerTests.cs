using Releng.Jobs.Pagure;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;
using static Releng.Jobs.Tests.Pagure.PagureStories;

namespace Releng.Jobs.Tests.Pagure;

public sealed class PagureTicketTrackerTests
{
    [Fact]
    public async Task Open_tickets_come_with_their_comments_oldest_first()
    {
        var ticket = Issue(12001, daysAgo: 3);
        ticket.Comments =
        [
            new() { Author = "jdoe", Body = "second", DaysAgo = 1 },
            new() { Author = "releng-bot", Body = "first", DaysAgo = 2 },
        ];
        var closed = Issue(12002);
        closed.Status = "Closed";
        using var pagure = PagureStories.Start(RelengProjects(ticket, closed));

        var tickets = await pagure.Tracker.ListOpenTicketsAsync("releng");

        var only = Assert.Single(tickets);
        Assert.Equal(12001, only.Id);
        Assert.Equal("jdoe", only.Author);
        Assert.True(only.IsOpen);
        Assert.Equal(["first", "second"], only.Comments.Select(comment => comment.Text));
        Assert.Equal(pagure.World.Clock.AddDays(-1), only.Updated);
        Assert.Equal($"{pagure.Endpoints.Pagure}releng/issue/12001", only.Url);
    }

    [Fact]
    public async Task Query_filters_map_to_pagure_parameters()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1, tags: "unretire"), Issue(2, tags: ["unretire", "hold"])));

        var tickets = await pagure.Tracker.ListOpenTicketsAsync("releng", new TicketQuery
        {
            Tags = ["unretire"], ExcludedTags = ["hold"], OldestFirst = true, PageSize = 10,
        });

        Assert.Equal([1], tickets.Select(ticket => ticket.Id));
        Assert.Equal("?status=Open&tags=unretire&tags=%21hold&order=asc&page=1&per_page=10",
            Query(Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/issues"))));
    }

    [Fact]
    public async Task A_missing_ticket_is_null()
    {
        using var pagure = PagureStories.Start(RelengProjects());

        Assert.Null(await pagure.Tracker.GetTicketAsync("releng", 404));
    }

    [Fact]
    public async Task Several_tickets_are_read_concurrently()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1), Issue(2), Issue(3)));

        var tickets = await pagure.Tracker.GetTicketsAsync("releng", [3, 1, 2, 99]);

        Assert.Equal([1, 2, 3], tickets.Select(ticket => ticket.Id).Order());
    }

    [Fact]
    public async Task Close_uses_the_projects_spelling_and_closes_once()
    {
        using var pagure = PagureStories.Start(RelengProjects());
        var tracker = pagure.Tracker;

        var first = await tracker.CloseAsync("releng/fedora-scm-requests", 70001, "processed");
        var second = await tracker.CloseAsync("releng/fedora-scm-requests", 70001, "Processed");
        var ticket = await tracker.GetTicketAsync("releng/fedora-scm-requests", 70001);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal((false, "Processed"), (ticket!.IsOpen, ticket.CloseStatus));
        var post = Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/releng/fedora-scm-requests/issue/70001/status"));
        Assert.Equal("status=Closed&close_status=Processed", post.RequestMessage.Body);
        Assert.Single(pagure.RequestsTo(ServiceName.Pagure, "GET", "/api/0/releng/fedora-scm-requests"));
    }

    [Fact]
    public async Task Close_with_a_status_the_project_lacks_writes_nothing()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => pagure.Tracker.CloseAsync("releng", 1, "Processed"));

        Assert.Contains("Fixed, Invalid", error.Message);
        Assert.Empty(pagure.World.Pagure.Writes);
    }

    [Fact]
    public void Choosing_a_close_status_takes_the_first_the_project_allows()
    {
        IReadOnlyList<string> releng = ["Fixed", "Invalid", "Duplicate"];

        Assert.Equal("Fixed", CloseStatuses.Choose(releng, "Processed", "fixed"));
        Assert.Null(CloseStatuses.Choose(releng, "Denied"));
    }

    [Fact]
    public async Task Assign_reports_whether_it_changed_anything()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)), token: RelengProjectToken);

        var assigned = await pagure.Tracker.AssignAsync("releng", 1, "releng-bot");
        var again = await pagure.Tracker.AssignAsync("releng", 1, "releng-bot");
        var ticket = await pagure.Tracker.GetTicketAsync("releng", 1);

        Assert.True(assigned);
        Assert.False(again);
        Assert.Equal("releng-bot", ticket!.Assignee);
        Assert.Equal("assignee=releng-bot", pagure.RequestsTo(ServiceName.Pagure, "POST", "/api/0/releng/issue/1/assign")[0].RequestMessage.Body);
    }

    [Fact]
    public async Task Comment_then_read_back_its_marker_as_the_bot()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));
        var tracker = pagure.Tracker;
        var bot = await tracker.WhoAmIAsync();

        await tracker.CommentAsync("releng", 1, BotMarker.Append("Report follows.", "unretire-report", ("hash", "ab12")));
        var ticket = await tracker.GetTicketAsync("releng", 1);

        Assert.Equal("releng-bot", bot);
        var marked = Assert.Single(ticket!.Marked(bot, "unretire-report"));
        Assert.Equal("ab12", marked.Marker["hash"]);
    }

    [Fact]
    public async Task Whoami_is_asked_once_and_without_a_token_is_the_default_bot()
    {
        using var withToken = PagureStories.Start(RelengProjects(), token: "alice-token");
        using var anonymous = PagureStories.Start(RelengProjects(), token: null);

        var names = await Task.WhenAll(withToken.Tracker.WhoAmIAsync(), withToken.Tracker.WhoAmIAsync());
        var anonymousName = await anonymous.Tracker.WhoAmIAsync();

        Assert.Equal(["alice", "alice"], names);
        Assert.Single(withToken.RequestsTo(ServiceName.Pagure, "POST", "/api/0/-/whoami"));
        Assert.Equal(PagureTicketTracker.DefaultBotUser, anonymousName);
        Assert.Empty(anonymous.Requests(ServiceName.Pagure));
    }

    [Fact]
    public async Task Authenticated_user_is_the_token_account_and_none_without_a_token()
    {
        using var withToken = PagureStories.Start(RelengProjects(), token: "alice-token");
        using var anonymous = PagureStories.Start(RelengProjects(), token: null);

        Assert.Equal("alice", await withToken.Tracker.AuthenticatedUserAsync());
        Assert.Null(await anonymous.Tracker.AuthenticatedUserAsync());
        Assert.Empty(anonymous.Requests(ServiceName.Pagure));
    }

    [Fact]
    public async Task Write_log_records_who_wrote_what()
    {
        using var pagure = PagureStories.Start(RelengProjects(Issue(1)));

        await pagure.Tracker.CommentAsync("releng", 1, "Done.");
        await pagure.Tracker.CloseAsync("releng", 1, "Fixed");

        Assert.Equal(
            [("/api/0/releng/issue/1/comment", "releng-bot", 200), ("/api/0/releng/issue/1/status", "releng-bot", 200)],
            pagure.World.Pagure.Writes.Select(write => (write.Path, write.User, write.Status)));
    }
}

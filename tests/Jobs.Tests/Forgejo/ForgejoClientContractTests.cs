using System.Net;
using System.Text.Json;
using Releng.Jobs.Forgejo;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Tickets;
using static Releng.Jobs.Tests.Forgejo.ForgejoTestServer;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>The real Forgejo client against the fake: the exact requests it sends and what it makes of the answers.</summary>
public sealed class ForgejoClientContractTests
{
    [Fact]
    public async Task Listing_asks_for_open_issues_only_with_the_servers_page_size_and_the_token()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1), Issue(2)));

        var tickets = await forge.Tracker.ListOpenTicketsAsync(ScmRepo);

        Assert.Equal([2, 1], tickets.Select(ticket => ticket.Id));
        var settings = Assert.Single(forge.RequestsTo("GET", "/api/v1/settings/api"));
        Assert.Equal(HttpStatusCode.OK, StatusOf(settings));
        var list = Assert.Single(forge.RequestsTo("GET", ScmIssues));
        Assert.Equal("?state=open&type=issues&page=1&limit=50", Query(list));
        Assert.Equal("token " + Token, Header(list, "Authorization"));
        Assert.StartsWith("releng-jobs/", Header(list, "User-Agent"));
    }

    [Fact]
    public async Task Paging_follows_every_page_at_the_capped_size_until_a_short_page()
    {
        var scenario = ForgeTrackers([.. Enumerable.Range(1, 5).Select(number => Issue(number, daysAgo: 10 - number))]);
        scenario.MaxResponseItems = 2;
        using var forge = new ForgejoTestServer(scenario);

        var tickets = await forge.Tracker.ListOpenTicketsAsync(ScmRepo, new TicketQuery { PageSize = 100, OldestFirst = true });

        Assert.Equal([1, 2, 3, 4, 5], tickets.Select(ticket => ticket.Id));
        // The first page says how many there are; the pages after it are asked for together, in any order.
        var queries = forge.RequestsTo("GET", ScmIssues).Select(Query).ToList();
        Assert.Equal("?state=open&type=issues&sort=oldest&page=1&limit=2", queries[0]);
        Assert.Equal(
        [
            "?state=open&type=issues&sort=oldest&page=2&limit=2",
            "?state=open&type=issues&sort=oldest&page=3&limit=2",
        ], queries.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_full_last_page_costs_one_empty_page_more()
    {
        var scenario = ForgeTrackers(Issue(1), Issue(2), Issue(3), Issue(4));
        scenario.MaxResponseItems = 2;
        using var forge = new ForgejoTestServer(scenario);

        var tickets = await forge.Tracker.ListOpenTicketsAsync(ScmRepo);

        Assert.Equal(4, tickets.Count);
        Assert.Equal(3, forge.RequestsTo("GET", ScmIssues).Count);
    }

    [Fact]
    public async Task A_pull_request_is_never_a_ticket_even_when_the_server_lists_it()
    {
        var pull = Issue(3);
        pull.PullRequest = true;
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1), pull));
        // A server that ignores type=issues must not turn the pull request into a ticket.
        forge.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath(ScmIssues).UsingGet())
            .AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create()
                .WithHeader("Content-Type", "application/json")
                .WithBody(_ => new System.Text.Json.Nodes.JsonArray(forge.World.Forge.Repos[ScmRepo].Issues
                    .Select(issue => (System.Text.Json.Nodes.JsonNode)new Releng.Jobs.Sandbox.Forgejo.ForgejoFakeJson(forge.World.Forge, forge.Root).Issue(ScmRepo, issue))
                    .ToArray()).ToJsonString()));

        var tickets = await forge.Tracker.ListOpenTicketsAsync(ScmRepo);

        Assert.Equal([1], tickets.Select(ticket => ticket.Id));
        Assert.Null(await forge.Tracker.GetTicketAsync(ScmRepo, 3));
    }

    [Fact]
    public async Task Comments_are_read_only_for_issues_that_have_some_and_come_oldest_first()
    {
        var talked = Issue(7);
        talked.Comments = [new() { Author = "alice", Body = "second", DaysAgo = 0.5 }, new() { Author = "jdoe", Body = "first", DaysAgo = 0.9 }];
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(6), talked));

        var tickets = await forge.Tracker.ListOpenTicketsAsync(ScmRepo);

        Assert.Empty(tickets.Single(ticket => ticket.Id == 6).Comments);
        Assert.Equal(["first", "second"], tickets.Single(ticket => ticket.Id == 7).Comments.Select(comment => comment.Text));
        Assert.Single(forge.RequestsTo("GET", ScmIssues + "/7/comments"));
        Assert.Empty(forge.RequestsTo("GET", ScmIssues + "/6/comments"));
    }

    [Fact]
    public async Task A_migrated_ticket_and_its_comments_are_authored_by_the_original_author_not_Ghost()
    {
        var migrated = Issue(12, author: "jdoe");
        migrated.Migrated = true;
        migrated.Comments = [new() { Author = "releng-bot", Migrated = true, Body = "done <!-- releng-jobs:x v1 -->", DaysAgo = 0.5 }];
        using var forge = new ForgejoTestServer(ForgeTrackers(migrated));

        var ticket = await forge.Tracker.GetTicketAsync(ScmRepo, 12);

        Assert.Equal("jdoe", ticket!.Author);
        var comment = Assert.Single(ticket.Comments);
        Assert.Equal("releng-bot", comment.Author);
        Assert.Single(ticket.Marked("releng-bot", "x"));
        var raw = JsonDocument.Parse(forge.RequestsTo("GET", ScmIssues + "/12").Single().ResponseMessage.BodyData!.BodyAsString!).RootElement;
        Assert.Equal("Ghost", raw.GetProperty("user").GetProperty("login").GetString());
    }

    [Fact]
    public async Task One_issue_is_read_by_number_and_a_missing_one_is_null()
    {
        var assigned = Issue(5, labels: "epel");
        assigned.Assignees = ["alice"];
        using var forge = new ForgejoTestServer(ForgeTrackers(assigned, Issue(6)));

        var ticket = await forge.Tracker.GetTicketAsync(ScmRepo, 5);
        var unassigned = await forge.Tracker.GetTicketAsync(ScmRepo, 6);
        var missing = await forge.Tracker.GetTicketAsync(ScmRepo, 999);

        Assert.Equal(["epel"], ticket!.Tags);
        Assert.Equal("alice", ticket.Assignee);
        Assert.Null(unassigned!.Assignee);
        Assert.Null(missing);
        Assert.Equal(HttpStatusCode.NotFound, StatusOf(forge.RequestsTo("GET", ScmIssues + "/999").Single()));
        Assert.Equal($"{forge.Root}releng/fedora-scm-requests/issues/5", ticket.Url);
    }

    [Fact]
    public async Task Timestamps_keep_the_servers_offset_and_the_instant()
    {
        var scenario = ForgeTrackers(Issue(5, daysAgo: 1));
        scenario.TimeZone = "+02:00";
        using var forge = new ForgejoTestServer(scenario);

        var ticket = await forge.Tracker.GetTicketAsync(ScmRepo, 5);

        var raw = JsonDocument.Parse(forge.RequestsTo("GET", ScmIssues + "/5").Single().ResponseMessage.BodyData!.BodyAsString!).RootElement;
        Assert.Equal("2026-11-23T14:00:00+02:00", raw.GetProperty("created_at").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), ticket!.Created);
        Assert.Equal(TimeSpan.FromHours(2), ticket.Created.Offset);
    }

    [Fact]
    public async Task Commenting_posts_the_markdown_as_json_and_is_answered_201()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5)));

        await forge.Tracker.CommentAsync(ScmRepo, 5, "Done.\n\n<!-- releng-jobs:scm v1 -->");

        var post = Assert.Single(forge.RequestsTo("POST", ScmIssues + "/5/comments"));
        Assert.Equal("{\"body\":\"Done.\\n\\n\\u003C!-- releng-jobs:scm v1 --\\u003E\"}", post.RequestMessage.Body);
        Assert.StartsWith("application/json", Header(post, "Content-Type"));
        Assert.Equal(HttpStatusCode.Created, StatusOf(post));
        var ticket = await forge.Tracker.GetTicketAsync(ScmRepo, 5);
        Assert.Single(ticket!.Marked("releng-bot", "scm"));
    }

    [Fact]
    public async Task Closing_adds_the_close_label_by_id_then_closes_with_201_and_a_second_close_writes_nothing()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5)));
        var processed = forge.World.Forge.Repos[ScmRepo].Labels.Single(label => label.Name == "Closed As/Processed");

        Assert.True(await forge.Tracker.CloseAsync(ScmRepo, 5, "processed"));
        Assert.False(await forge.Tracker.CloseAsync(ScmRepo, 5, "Processed"));

        Assert.Equal([("POST", ScmIssues + "/5/labels"), ("PATCH", ScmIssues + "/5")],
            forge.Writes.Select(entry => (entry.RequestMessage.Method, entry.RequestMessage.Path)));
        Assert.Equal($"{{\"labels\":[{processed.Id}]}}", forge.Writes[0].RequestMessage.Body);
        Assert.Equal(HttpStatusCode.OK, StatusOf(forge.Writes[0]));
        Assert.Equal("{\"state\":\"closed\"}", forge.Writes[1].RequestMessage.Body);
        Assert.Equal(HttpStatusCode.Created, StatusOf(forge.Writes[1]));
        Assert.Equal(["/api/v1/repos/releng/fedora-scm-requests/labels", "/api/v1/orgs/releng/labels"],
            forge.Requests.Where(entry => entry.RequestMessage.Path.EndsWith("/labels") && entry.RequestMessage.Method == "GET")
                .Select(entry => entry.RequestMessage.Path));
        var ticket = await forge.Tracker.GetTicketAsync(ScmRepo, 5);
        Assert.False(ticket!.IsOpen);
        Assert.Equal("Processed", ticket.CloseStatus);
        Assert.NotNull(ticket.ClosedAt);
    }

    [Fact]
    public async Task The_close_label_is_exclusive_and_may_come_from_the_organization()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5, labels: "Closed As/Invalid")));

        await forge.Tracker.CloseAsync(ScmRepo, 5, "Fixed");

        var ticket = await forge.Tracker.GetTicketAsync(ScmRepo, 5);
        Assert.Equal(["Closed As/Fixed"], ticket!.Tags);
        Assert.Equal("Fixed", ticket.CloseStatus);
    }

    [Fact]
    public async Task A_missing_close_label_is_never_created_the_ticket_is_closed_without_it_and_a_warning_says_so()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5)));

        var warning = await forge.Tracker.CloseLabelWarningAsync(ScmRepo, "Denied");
        var closed = await forge.Tracker.CloseAsync(ScmRepo, 5, "Denied");

        Assert.Equal("releng/fedora-scm-requests has no label 'Closed As/Denied' (repository or organization releng); tickets are closed without it", warning);
        Assert.Null(await forge.Tracker.CloseLabelWarningAsync(ScmRepo, "Processed"));
        Assert.True(closed);
        var write = Assert.Single(forge.Writes);
        Assert.Equal("PATCH", write.RequestMessage.Method);
        Assert.DoesNotContain(forge.World.Forge.Repos[ScmRepo].Labels, label => label.Name == "Closed As/Denied");
        Assert.False((await forge.Tracker.GetTicketAsync(ScmRepo, 5))!.IsOpen);
    }

    [Fact]
    public async Task Close_labels_are_configured_per_tracker()
    {
        var scenario = ForgeTrackers(Issue(5));
        scenario.Repos[ScmRepo].Labels.Add(new ForgejoScenario.Label { Name = "resolution: done", Exclusive = false });
        using var forge = new ForgejoTestServer(scenario, configure: settings => settings with
        {
            CloseLabels = new Dictionary<string, ForgejoCloseLabels>
            {
                [ScmRepo] = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Processed"] = "resolution: done" }),
            },
        });

        await forge.Tracker.CloseAsync(ScmRepo, 5, "Processed");

        Assert.Contains("resolution: done", (await forge.Tracker.GetTicketAsync(ScmRepo, 5))!.Tags);
        await Assert.ThrowsAsync<ArgumentException>(() => forge.Tracker.CloseAsync(ScmRepo, 5, "Wontfix"));
    }

    [Fact]
    public async Task Forbidden_with_an_empty_body_is_reported_as_missing_permission()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5)), token: "mallory-token");

        var error = await Assert.ThrowsAsync<ForgejoException>(() => forge.Tracker.CloseAsync(ScmRepo, 5, "Invalid"));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Contains("lacks the permission", error.Message);
        Assert.Equal("", forge.RequestsTo("POST", ScmIssues + "/5/labels").Single().ResponseMessage.BodyData?.BodyAsString ?? "");
    }

    [Fact]
    public async Task A_private_repository_answers_404_and_the_error_says_it_may_be_private()
    {
        var scenario = ForgeTrackers(Issue(5));
        scenario.Repos[ScmRepo].Private = true;
        using var forge = new ForgejoTestServer(scenario, token: null);

        var error = await Assert.ThrowsAsync<ForgejoException>(() => forge.Tracker.ListOpenTicketsAsync(ScmRepo));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains("private repository", error.Message);
        Assert.Contains("/repos/releng/fedora-scm-requests/issues", error.Message);
    }

    [Fact]
    public async Task Assigning_sets_the_assignee_list_and_unassigning_sends_an_empty_one()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5)));

        Assert.True(await forge.Tracker.AssignAsync(ScmRepo, 5, "alice"));
        Assert.False(await forge.Tracker.AssignAsync(ScmRepo, 5, "alice"));
        Assert.True(await forge.Tracker.AssignAsync(ScmRepo, 5, null));

        Assert.Equal(["{\"assignees\":[\"alice\"]}", "{\"assignees\":[]}"], forge.Writes.Select(entry => entry.RequestMessage.Body));
        Assert.All(forge.Writes, entry => Assert.Equal(HttpStatusCode.Created, StatusOf(entry)));
        Assert.Null((await forge.Tracker.GetTicketAsync(ScmRepo, 5))!.Assignee);
    }

    [Fact]
    public async Task An_assignment_Forgejo_ignores_silently_is_an_error()
    {
        // The ticket's author may edit it, but Forgejo drops a non-writer's assignees without an error.
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5, author: "mallory")), token: "mallory-token");

        var error = await Assert.ThrowsAsync<ForgejoException>(() => forge.Tracker.AssignAsync(ScmRepo, 5, "alice"));

        Assert.Contains("was not assigned", error.Message);
    }

    [Fact]
    public async Task The_bot_is_the_tokens_account_and_without_a_token_nobody_is_asked()
    {
        using var withToken = new ForgejoTestServer(ForgeTrackers(), token: "alice-token");
        using var anonymous = new ForgejoTestServer(ForgeTrackers(), token: null);

        Assert.Equal("alice", await withToken.Tracker.WhoAmIAsync());
        Assert.Equal("alice", await withToken.Tracker.AuthenticatedUserAsync());
        Assert.Equal("releng-bot", await anonymous.Tracker.WhoAmIAsync());
        Assert.Null(await anonymous.Tracker.AuthenticatedUserAsync());
        Assert.Single(withToken.RequestsTo("GET", "/api/v1/user"));
        Assert.Empty(anonymous.RequestsTo("GET", "/api/v1/user"));
    }

    [Fact]
    public async Task Close_statuses_are_the_configured_ones_and_every_Closed_As_label_found()
    {
        var scenario = ForgeTrackers();
        scenario.Repos[ScmRepo].CloseStatuses.Add("Get back later");
        using var forge = new ForgejoTestServer(scenario);

        var statuses = await forge.Tracker.GetCloseStatusesAsync(ScmRepo);

        Assert.Contains("Processed", statuses);
        Assert.Contains("Get back later", statuses);
        Assert.Equal("Get back later", CloseStatuses.Choose(statuses, "get back later"));
    }

    [Fact]
    public async Task Tag_filters_are_ored_and_exclusions_and_authors_apply_to_migrated_tickets_too()
    {
        var ghost = Issue(3, author: "jdoe", labels: "epel");
        ghost.Migrated = true;
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1, labels: "epel"), Issue(2, author: "alice"), ghost));

        var epel = await forge.Tracker.ListOpenTicketsAsync(ScmRepo, new TicketQuery { Tags = ["epel"] });
        var notEpel = await forge.Tracker.ListOpenTicketsAsync(ScmRepo, new TicketQuery { ExcludedTags = ["epel"] });
        var byJdoe = await forge.Tracker.ListOpenTicketsAsync(ScmRepo, new TicketQuery { Author = "jdoe" });

        Assert.Equal([3, 1], epel.Select(ticket => ticket.Id));
        Assert.Equal([2], notEpel.Select(ticket => ticket.Id));
        Assert.Equal([3, 1], byJdoe.Select(ticket => ticket.Id));
        Assert.Equal("?state=open&type=issues&labels=epel&page=1&limit=50", Query(forge.RequestsTo("GET", ScmIssues)[0]));
    }

    [Fact]
    public async Task Since_is_sent_as_RFC3339_UTC()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1, daysAgo: 3), Issue(2, daysAgo: 0.5)));

        var recent = await forge.Tracker.ListOpenTicketsAsync(ScmRepo,
            new TicketQuery { UpdatedSince = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.FromHours(2)) });

        Assert.Equal([2], recent.Select(ticket => ticket.Id));
        Assert.Equal("?state=open&type=issues&since=2026-11-24T00%3A00%3A00Z&page=1&limit=50", Query(forge.RequestsTo("GET", ScmIssues).Single()));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;
using static Releng.Jobs.Tests.Forgejo.ForgejoTestServer;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>The fake behaves like Forgejo where a client could be fooled: paging, filters, labels, states, permissions.</summary>
public sealed class ForgejoFakeFidelityTests
{
    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Send(
        ForgejoTestServer forge, HttpMethod method, string pathAndQuery, string? json = null, string? token = Token)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, forge.Root + pathAndQuery.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static int[] Numbers(string body) =>
        JsonDocument.Parse(body).RootElement.EnumerateArray().Select(issue => issue.GetProperty("number").GetInt32()).ToArray();

    [Fact]
    public async Task A_limit_above_the_cap_is_clamped_silently_and_Link_and_X_Total_Count_describe_the_pages()
    {
        var scenario = ForgeTrackers([.. Enumerable.Range(1, 5).Select(number => Issue(number, daysAgo: 10 - number))]);
        scenario.MaxResponseItems = 2;
        using var forge = new ForgejoTestServer(scenario);

        var (status, body, response) = await Send(forge, HttpMethod.Get, ScmIssues + "?type=issues&limit=50&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([3, 2], Numbers(body));
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
        // genAPILinks keeps the request's query (limit=50 too) and counts pages at the clamped size.
        var root = forge.Root + "api/v1/repos/releng/fedora-scm-requests/issues";
        Assert.Equal(
            $"<{root}?limit=50&page=3&type=issues>; rel=\"next\",<{root}?limit=50&page=3&type=issues>; rel=\"last\"," +
            $"<{root}?limit=50&page=1&type=issues>; rel=\"first\",<{root}?limit=50&page=1&type=issues>; rel=\"prev\"",
            response.Headers.GetValues("Link").Single());
        var (_, past, _) = await Send(forge, HttpMethod.Get, ScmIssues + "?limit=50&page=9");
        Assert.Equal("[]", past.Trim());
    }

    [Fact]
    public async Task The_issue_list_includes_pull_requests_unless_asked_for_issues_and_defaults_to_open()
    {
        var pull = Issue(3);
        pull.PullRequest = true;
        var closed = Issue(4);
        closed.State = "closed";
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1), pull, closed));

        Assert.Equal(new[] { 3, 1 }, Numbers((await Send(forge, HttpMethod.Get, ScmIssues)).Body));
        Assert.Equal(new[] { 1 }, Numbers((await Send(forge, HttpMethod.Get, ScmIssues + "?type=issues")).Body));
        Assert.Equal(new[] { 4, 3, 1 }, Numbers((await Send(forge, HttpMethod.Get, ScmIssues + "?state=all")).Body));
        var single = JsonDocument.Parse((await Send(forge, HttpMethod.Get, ScmIssues + "/3")).Body).RootElement;
        Assert.Equal(JsonValueKind.Object, single.GetProperty("pull_request").ValueKind);
        Assert.Equal(JsonValueKind.Null, single.GetProperty("assignees").ValueKind);
    }

    [Fact]
    public async Task Label_filters_are_anded_and_unknown_names_are_dropped_even_all_of_them()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1, labels: ["epel", "Closed As/Invalid"]), Issue(2, labels: "epel"), Issue(3)));

        Assert.Equal(new[] { 1 }, Numbers((await Send(forge, HttpMethod.Get, ScmIssues + "?labels=epel,Closed%20As%2FInvalid")).Body));
        Assert.Equal(new[] { 2, 1 }, Numbers((await Send(forge, HttpMethod.Get, ScmIssues + "?labels=epel,nosuch")).Body));
        Assert.Equal(new[] { 3, 2, 1 }, Numbers((await Send(forge, HttpMethod.Get, ScmIssues + "?labels=nosuch")).Body));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send(forge, HttpMethod.Get, ScmIssues + "?since=yesterday")).Status);
    }

    [Fact]
    public async Task Labels_go_on_by_id_or_by_name_never_mixed_and_come_off_by_name_with_204()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1)));
        var epel = forge.World.Forge.Repos[ScmRepo].Labels.Single(label => label.Name == "epel");

        var byId = await Send(forge, HttpMethod.Post, ScmIssues + "/1/labels", $"{{\"labels\":[{epel.Id},99999]}}");
        var mixed = await Send(forge, HttpMethod.Post, ScmIssues + "/1/labels", $"{{\"labels\":[{epel.Id},\"epel\"]}}");
        var byName = await Send(forge, HttpMethod.Post, ScmIssues + "/1/labels", "{\"labels\":[\"Closed As/Processed\"]}");
        var exclusive = await Send(forge, HttpMethod.Post, ScmIssues + "/1/labels", "{\"labels\":[\"Closed As/Invalid\"]}");
        var removed = await Send(forge, HttpMethod.Delete, ScmIssues + "/1/labels/Closed%20As%2FInvalid");
        var unknown = await Send(forge, HttpMethod.Delete, ScmIssues + "/1/labels/nosuch");

        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Equal(["epel"], JsonDocument.Parse(byId.Body).RootElement.EnumerateArray().Select(label => label.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, mixed.Status);
        Assert.Equal(HttpStatusCode.OK, byName.Status);
        Assert.Equal(["epel", "Closed As/Invalid"], JsonDocument.Parse(exclusive.Body).RootElement.EnumerateArray().Select(label => label.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
    }

    [Fact]
    public async Task Closing_answers_201_sets_closed_at_and_any_other_state_reopens_with_closed_at_null()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1)));

        var close = await Send(forge, HttpMethod.Patch, ScmIssues + "/1", "{\"state\":\"closed\"}");
        var reopen = await Send(forge, HttpMethod.Patch, ScmIssues + "/1", "{\"state\":\"whatever\"}");

        Assert.Equal(HttpStatusCode.Created, close.Status);
        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(close.Body).RootElement.GetProperty("closed_at").ValueKind);
        Assert.Equal("open", JsonDocument.Parse(reopen.Body).RootElement.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(reopen.Body).RootElement.GetProperty("closed_at").ValueKind);
    }

    [Fact]
    public async Task Permissions_empty_403_for_handlers_404_for_a_private_repo_401_without_a_token()
    {
        var scenario = ForgeTrackers(Issue(1));
        scenario.Repos[ScmRepo].Private = true;
        using var forge = new ForgejoTestServer(scenario);

        var anonymous = await Send(forge, HttpMethod.Get, ScmIssues, token: null);
        var outsider = await Send(forge, HttpMethod.Get, ScmIssues + "/1", token: "mallory-token");
        var member = await Send(forge, HttpMethod.Get, ScmIssues + "/1", token: "alice-token");
        var noUser = await Send(forge, HttpMethod.Get, "/api/v1/user", token: null);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.Status);
        Assert.Contains("\"message\":\"The target couldn't be found.\"", anonymous.Body);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(HttpStatusCode.OK, member.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, noUser.Status);
        Assert.Contains("token is required", noUser.Body);

        scenario.Repos[ScmRepo].Private = false;
        using var open = new ForgejoTestServer(scenario);
        var label = await Send(open, HttpMethod.Post, ScmIssues + "/1/labels", "{\"labels\":[\"epel\"]}", token: "mallory-token");
        Assert.Equal(HttpStatusCode.Forbidden, label.Status);
        Assert.Equal("", label.Body);
    }

    [Fact]
    public async Task Writes_change_later_reads_and_the_world_is_saved_and_loaded_with_them()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(1)));
        await forge.Tracker.CommentAsync(ScmRepo, 1, "hello");
        await forge.Tracker.CloseAsync(ScmRepo, 1, "Processed");
        var file = Path.Combine(Path.GetTempPath(), $"forge-world-{Guid.NewGuid():N}.json");
        try
        {
            forge.World.Save(file);
            var loaded = SandboxWorld.Load(file)!;

            var issue = loaded.Forge.Repos[ScmRepo].Issues.Single();
            Assert.Equal("closed", issue.State);
            Assert.Equal("hello", issue.Comments.Single().Body);
            Assert.Equal(["POST", "POST", "PATCH"], loaded.Forge.Writes.Select(write => write.Method));
            Assert.Equal("Closed As/Processed", loaded.Forge.Repos[ScmRepo].Labels.Single(label => label.Id == issue.Labels.Single()).Name);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_scenario_reads_the_forge_section_with_its_trackers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"forge-scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            forge:
              max_response_items: 20
              repos:
                releng/tickets:
                  close_statuses: [Fixed]
                  issues:
                    - { number: 13108, title: "Unretire rpms/foo", author: jdoe, migrated: true, body: "please", days_ago: 2 }
            """);
        try
        {
            var (scenario, _) = ScenarioLoader.Load(file);
            var world = Releng.Jobs.Sandbox.Forgejo.ForgejoWorld.Seed(scenario);

            Assert.Equal(20, world.MaxResponseItems);
            var issue = world.Repos["releng/tickets"].Issues.Single();
            Assert.Equal(("Ghost", "jdoe", 13108), (issue.Author, issue.OriginalAuthor, issue.Number));
            Assert.Equal("Closed As/Fixed", world.Repos["releng/tickets"].Labels.Single().Name);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

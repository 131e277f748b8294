using System.Net;
using System.Text.Json;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Releng.Jobs.Tests.Bugzilla;

public sealed class BugzillaClientContractTests
{
    [Fact]
    public async Task Bug_is_read_with_every_field_the_review_rules_use()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        var bug = await sandbox.Bugzilla.GetBugAsync(2300001);

        Assert.Equal(2300001, bug.Id);
        Assert.Equal("Review Request: perl-Foo - Foo for Perl", bug.Summary);
        Assert.Equal("ASSIGNED", bug.Status);
        Assert.Equal("", bug.Resolution);
        Assert.Equal("Fedora", bug.Product);
        Assert.Equal(["Package Review"], bug.Components);
        Assert.Equal("jdoe@example.com", bug.Creator);
        Assert.Equal("reviewer@fedoraproject.org", bug.AssignedTo);
        Assert.Equal(BugzillaStories.Clock.AddDays(-20), bug.CreationTime);
        var flag = Assert.Single(bug.Flags);
        Assert.Equal(new BugFlag("fedora-review", "+", "reviewer@fedoraproject.org",
            BugzillaStories.Clock.AddDays(-3), BugzillaStories.Clock.AddDays(-3)), flag);
    }

    [Fact]
    public async Task Bug_is_fetched_with_GET_rest_bug_id_and_the_api_key_only_in_a_bearer_header()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        await sandbox.Bugzilla.GetBugAsync(2300001);

        var request = Assert.Single(sandbox.Requests(ServiceName.Bugzilla)).RequestMessage;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/rest/bug/2300001", request.Path);
        Assert.True(string.IsNullOrEmpty(request.RawQuery));
        Assert.Equal($"Bearer {BugzillaStories.ApiKey}", request.Headers!["Authorization"].Single());
        Assert.Contains("application/json", request.Headers!["Accept"].Single());
        Assert.DoesNotContain(BugzillaStories.ApiKey, request.Url);
    }

    [Fact]
    public async Task Missing_bug_is_Bugzilla_error_101_with_HTTP_404()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        var error = await Assert.ThrowsAsync<BugzillaException>(() => sandbox.Bugzilla.GetBugAsync(999));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal(101, error.Code);
        Assert.True(error.IsMissingBug);
        Assert.Equal("Bug #999 does not exist.", error.BugzillaMessage);
    }

    [Fact]
    public async Task Without_an_api_key_no_authorization_is_sent_and_emails_come_back_cut_at_the_at_sign()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario(), apiKey: null);

        var bug = await sandbox.Bugzilla.GetBugAsync(2300001);

        Assert.False(Assert.Single(sandbox.Requests(ServiceName.Bugzilla)).RequestMessage.Headers!.ContainsKey("Authorization"));
        Assert.Equal("jdoe", bug.Creator);
        Assert.Equal("reviewer", bug.Flags.Single().Setter);
    }

    [Fact]
    public async Task Bug_read_is_retried_after_a_503()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        sandbox.Server(ServiceName.Bugzilla).Given(Request.Create().WithPath("/rest/bug/2300001").UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered")
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>Service Unavailable</html>"));

        var bug = await sandbox.Bugzilla.GetBugAsync(2300001);

        Assert.Equal(2300001, bug.Id);
        Assert.Equal([503, 200], sandbox.Requests(ServiceName.Bugzilla).Select(r => r.ResponseMessage.StatusCode).Cast<int>());
    }

    [Fact]
    public async Task Bug_still_unavailable_after_the_retries_is_a_BugzillaException_with_the_status()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        sandbox.Server(ServiceName.Bugzilla).Given(Request.Create().WithPath("/rest/bug/2300001").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>Service Unavailable</html>"));

        var error = await Assert.ThrowsAsync<BugzillaException>(() => sandbox.Bugzilla.GetBugAsync(2300001));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Null(error.Code);
        Assert.Equal(3, sandbox.Requests(ServiceName.Bugzilla).Count);
    }

    [Fact]
    public async Task Component_sent_as_a_string_by_upstream_Bugzilla_reads_as_one_component()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        sandbox.Server(ServiceName.Bugzilla).Given(Request.Create().WithPath("/rest/bug/7").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                """{"faults":[],"bugs":[{"id":7,"summary":"s","status":"NEW","resolution":"","product":"Fedora","component":"Package Review","creator":"a@b.c","assigned_to":"nobody@fedoraproject.org","creation_time":"2024-01-02T10:00:00Z","flags":[]}]}"""));

        var bug = await sandbox.Bugzilla.GetBugAsync(7);

        Assert.Equal(["Package Review"], bug.Components);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), bug.CreationTime);
    }

    [Fact]
    public async Task Comment_is_posted_as_json_with_a_content_length_and_its_new_id_returned_and_stored()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        var id = await sandbox.Bugzilla.AddCommentAsync(2300001, "The Pagure repository was created at https://src.fedoraproject.org/rpms/perl-Foo");

        var request = Assert.Single(sandbox.Requests(ServiceName.Bugzilla));
        Assert.Equal("POST", request.RequestMessage.Method);
        Assert.Equal("/rest/bug/2300001/comment", request.RequestMessage.Path);
        Assert.Equal($"Bearer {BugzillaStories.ApiKey}", request.RequestMessage.Headers!["Authorization"].Single());
        Assert.StartsWith("application/json", request.RequestMessage.Headers!["Content-Type"].Single());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.RequestMessage.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.RequestMessage.Headers!["Content-Length"].Single());
        Assert.False(request.RequestMessage.Headers.ContainsKey("Transfer-Encoding"));
        using var body = JsonDocument.Parse(request.RequestMessage.Body!);
        Assert.Equal("""{"comment":"The Pagure repository was created at https://src.fedoraproject.org/rpms/perl-Foo"}""",
            JsonSerializer.Serialize(body.RootElement));
        Assert.Equal(201, request.ResponseMessage.StatusCode);
        var comments = await sandbox.Bugzilla.GetCommentsAsync(2300001);
        var posted = comments[^1];
        Assert.Equal(id, posted.Id);
        Assert.Equal(1, posted.Count);
        Assert.Equal("releng-bot@fedoraproject.org", posted.Creator);
        Assert.Equal(BugzillaStories.Clock, posted.CreationTime);
        Assert.StartsWith("The Pagure repository was created at", posted.Text);
    }

    [Fact]
    public async Task Comment_POST_is_not_retried_after_a_503()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        sandbox.Server(ServiceName.Bugzilla).Given(Request.Create().WithPath("/rest/bug/2300001/comment").UsingPost())
            .InScenario("flaky").WillSetStateTo("recovered")
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503));

        var error = await Assert.ThrowsAsync<BugzillaException>(() => sandbox.Bugzilla.AddCommentAsync(2300001, "hello"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Single(sandbox.Requests(ServiceName.Bugzilla));
        Assert.Single(sandbox.World.Bugzilla.Find(2300001)!.Comments); // only the description
    }

    [Fact]
    public async Task Comment_without_an_api_key_is_refused_with_login_required()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario(), apiKey: null);

        var error = await Assert.ThrowsAsync<BugzillaException>(() => sandbox.Bugzilla.AddCommentAsync(2300001, "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(410, error.Code);
    }

    [Fact]
    public async Task Comment_on_a_missing_bug_is_error_101()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        var error = await Assert.ThrowsAsync<BugzillaException>(() => sandbox.Bugzilla.AddCommentAsync(5, "hello"));

        Assert.Equal(101, error.Code);
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
    }

    [Fact]
    public void Bug_url_points_at_show_bug()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        Assert.Equal($"{sandbox.Endpoints.Bugzilla}show_bug.cgi?id=2300001", sandbox.Bugzilla.BugUrl(2300001).ToString());
    }

    [Fact]
    public async Task Whoami_names_the_login_behind_the_api_key()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());

        var login = await sandbox.Bugzilla.WhoAmIAsync();

        Assert.Equal("releng-bot@fedoraproject.org", login);
        var request = Assert.Single(sandbox.Requests(ServiceName.Bugzilla)).RequestMessage;
        Assert.Equal(("GET", "/rest/whoami"), (request.Method, request.Path));
        Assert.Equal($"Bearer {BugzillaStories.ApiKey}", request.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task Whoami_answers_the_scenarios_api_user_with_id_real_name_and_login()
    {
        var scenario = BugzillaStories.ReviewScenario();
        scenario.People["bot"] = new PersonScenario { Email = "bot@example.org", Fullname = "Release Bot" };
        scenario.Bugzilla.ApiUser = "bot";
        using var sandbox = BugzillaStories.Start(scenario);

        Assert.Equal("bot@example.org", await sandbox.Bugzilla.WhoAmIAsync());
        using var body = JsonDocument.Parse(Assert.Single(sandbox.Requests(ServiceName.Bugzilla)).ResponseMessage.BodyData!.BodyAsString!);
        Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("id").ValueKind);
        Assert.Equal("Release Bot", body.RootElement.GetProperty("real_name").GetString());
        Assert.Equal("bot@example.org", body.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Whoami_without_an_api_key_is_null_and_asks_nothing()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario(), apiKey: null);

        Assert.Null(await sandbox.Bugzilla.WhoAmIAsync());
        Assert.Empty(sandbox.Requests(ServiceName.Bugzilla));
    }

    [Fact]
    public async Task Anonymous_whoami_is_refused_by_the_fake_with_login_required()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario(), apiKey: null);
        using var http = new HttpClient();

        var response = await http.GetAsync($"{sandbox.Server(ServiceName.Bugzilla).Url}/rest/whoami");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(410, body.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Whoami_on_a_Bugzilla_without_the_method_is_an_error_not_an_anonymous_caller()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        sandbox.Server(ServiceName.Bugzilla).Given(Request.Create().WithPath("/rest/whoami").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody(
                """{"error":true,"code":32614,"message":"A REST API resource was not found for 'GET /whoami'."}"""));

        var error = await Assert.ThrowsAsync<BugzillaException>(() => sandbox.Bugzilla.WhoAmIAsync());

        Assert.Equal(32614, error.Code);
    }
}

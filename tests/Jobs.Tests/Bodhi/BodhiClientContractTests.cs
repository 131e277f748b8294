using System.Net;
using System.Text.Json;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Releng.Jobs.Tests.Bodhi;

public sealed class BodhiClientContractTests
{
    private static readonly TestSandboxOptions BodhiOnly = new() { Fakes = [ServiceName.Bodhi] };

    private static Scenario WithReleases(params BodhiReleaseScenario[] releases) =>
        new() { Bodhi = new BodhiScenario { Releases = [.. releases] } };

    [Fact]
    public async Task Active_releases_are_read_from_every_page_with_archived_ones_excluded()
    {
        var releases = Enumerable.Range(20, 25).Select(n => new BodhiReleaseScenario { Branch = $"f{n}" })
            .Append(new BodhiReleaseScenario { Branch = "f19", State = "archived" })
            .ToArray();
        using var sandbox = TestSandbox.From(WithReleases(releases), BodhiOnly);

        var read = await sandbox.Bodhi.GetActiveReleasesAsync();

        Assert.Equal(Enumerable.Range(20, 25).Select(n => $"F{n}"), read.Select(r => r.Name));
        var requests = sandbox.Requests(ServiceName.Bodhi).Select(r => r.RequestMessage).ToList();
        Assert.All(requests, r => Assert.Equal(("GET", "/releases/"), (r.Method, r.Path)));
        Assert.Equal(["?exclude_archived=True&page=1", "?exclude_archived=True&page=2"], requests.Select(r => r.RawQuery));
    }

    [Fact]
    public async Task Release_rows_are_read_with_every_tag()
    {
        using var sandbox = TestSandbox.From(WithReleases(
            new BodhiReleaseScenario { Branch = "f43" }, new BodhiReleaseScenario { Branch = "epel9" }), BodhiOnly);

        var read = await sandbox.Bodhi.GetActiveReleasesAsync();

        Assert.Equal(new Release("F43", "Fedora 43", "43", "FEDORA", "f43", "f43", "f43-updates", "f43-updates-testing",
            "f43-updates-candidate", "f43-signing-pending", "f43-updates-testing-pending", "f43-updates-pending",
            "f43-override", "current", true), read[0]);
        Assert.Equal(("EPEL-9", "FEDORA-EPEL", "epel9", "epel9-testing", "epel9-testing-candidate"),
            (read[1].Name, read[1].IdPrefix, read[1].StableTag, read[1].TestingTag, read[1].CandidateTag));
    }

    [Fact]
    public async Task Scenario_without_a_bodhi_section_maps_rawhide_and_the_usual_branches()
    {
        using var sandbox = TestSandbox.From(new Scenario(), BodhiOnly);

        var map = await sandbox.Bodhi.GetBranchTagMapAsync();

        Assert.Equal("f44", map.TagFor("rawhide"));
        Assert.Equal(["f43", "f42", "epel10", "epel9"], new[] { "f43", "f42", "epel10", "epel9" }.Select(b => map.TagFor(b)));
    }

    [Fact]
    public async Task Release_list_is_retried_after_a_503()
    {
        using var sandbox = TestSandbox.From(new Scenario(), BodhiOnly);
        sandbox.Server(ServiceName.Bodhi).Given(Request.Create().WithPath("/releases/").UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered")
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503));

        var read = await sandbox.Bodhi.GetActiveReleasesAsync();

        Assert.Equal(5, read.Count);
        Assert.Equal([503, 200], sandbox.Requests(ServiceName.Bodhi).Select(r => r.ResponseMessage.StatusCode).Cast<int>());
    }

    [Fact]
    public async Task Bodhi_error_answer_is_a_BodhiException_with_its_descriptions()
    {
        using var sandbox = TestSandbox.From(new Scenario(), BodhiOnly);
        sandbox.Server(ServiceName.Bodhi).Given(Request.Create().WithPath("/releases/").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody(
                """{"status":"error","errors":[{"location":"querystring","name":"page","description":"0 is less than minimum value 1"}]}"""));

        var error = await Assert.ThrowsAsync<BodhiException>(() => sandbox.Bodhi.GetActiveReleasesAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(["page: 0 is less than minimum value 1"], error.Errors);
    }

    [Theory]
    [InlineData("page=0", "page", "0 is less than minimum value 1")]
    [InlineData("state=gone", "state", "\"gone\" is not one of disabled, pending, frozen, current, archived")]
    [InlineData("exclude_archived=maybe", "exclude_archived", "\"maybe\" is neither in (false, 0) nor in (true, 1)")]
    public async Task Fake_refuses_invalid_parameters_like_Bodhi(string query, string name, string description)
    {
        using var sandbox = TestSandbox.From(new Scenario(), BodhiOnly);
        using var http = new HttpClient();

        var response = await http.GetAsync($"{sandbox.Server(ServiceName.Bodhi).Url}/releases/?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", body.RootElement.GetProperty("status").GetString());
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(("querystring", name, description),
            (error.GetProperty("location").GetString(), error.GetProperty("name").GetString(), error.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Fake_filters_by_state_and_pages_by_rows_per_page()
    {
        using var sandbox = TestSandbox.From(new Scenario(), BodhiOnly);
        using var http = new HttpClient();

        using var body = JsonDocument.Parse(await http.GetStringAsync($"{sandbox.Server(ServiceName.Bodhi).Url}/releases/?state=current&rows_per_page=2&page=2"));

        var root = body.RootElement;
        Assert.Equal((2, 2, 2, 4), (root.GetProperty("page").GetInt32(), root.GetProperty("pages").GetInt32(),
            root.GetProperty("rows_per_page").GetInt32(), root.GetProperty("total").GetInt32()));
        Assert.Equal(["EPEL-10", "EPEL-9"], root.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }
}

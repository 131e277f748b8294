using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;
using Releng.Jobs.Http;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.GitHub;

/// <summary>Dispatches against WireMock standing in for api.github.com.</summary>
public sealed class WorkflowDispatcherTests : IDisposable
{
    private const string Token = "fake-github-token-for-tests";
    private static readonly GitHubRepository Repository = new(GitHubRunsSample.Owner, GitHubRunsSample.Repo);
    private readonly WireMockServer _github = WireMockServer.Start();

    public void Dispose() => _github.Stop();

    private string DispatchPath(string job) => $"/repos/{GitHubRunsSample.Owner}/{GitHubRunsSample.Repo}/actions/workflows/{job}.yml/dispatches";

    private WorkflowDispatcher Dispatcher() => new(GitHubClientFactory.Create(new Uri(_github.Urls[0]), Token));

    private void Answer(string job, int status, string? body = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body);
        }
        _github.Given(Request.Create().WithPath(DispatchPath(job)).UsingPost()).RespondWith(response);
    }

    private ILogEntry OnlyRequest() => Assert.Single(_github.LogEntries);

    [Fact]
    public async Task Dispatch_posts_the_ref_and_inputs_to_the_jobs_workflow_with_the_token()
    {
        Answer("unretire", 204);

        var dispatch = await Dispatcher().DispatchAsync(Repository, "unretire", apply: true, ticket: "12345");

        var request = OnlyRequest().RequestMessage!;
        Assert.Equal("POST", request.Method);
        Assert.Equal(DispatchPath("unretire"), request.Path);
        Assert.Equal($"token {Token}", request.Headers!["Authorization"].Single(), ignoreCase: true);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("main", body.RootElement.GetProperty("ref").GetString());
        var inputs = body.RootElement.GetProperty("inputs");
        Assert.Equal(["apply", "ticket"], inputs.EnumerateObject().Select(p => p.Name));
        Assert.Equal("true", inputs.GetProperty("apply").GetString());
        Assert.Equal("12345", inputs.GetProperty("ticket").GetString());
        Assert.Equal("unretire.yml", dispatch.Workflow);
        Assert.Equal($"{_github.Urls[0]}/{GitHubRunsSample.Owner}/{GitHubRunsSample.Repo}/actions/workflows/unretire.yml", dispatch.RunsPage);
    }

    [Fact]
    public async Task Optional_inputs_are_left_out_and_force_is_sent_only_when_set()
    {
        Answer("base-image-rebuild", 204);

        await Dispatcher().DispatchAsync(Repository, "base-image-rebuild", apply: false, gitRef: "stage");
        await Dispatcher().DispatchAsync(Repository, "base-image-rebuild", apply: false, force: true);

        var bodies = _github.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage!.Body!).RootElement).ToList();
        Assert.Equal("stage", bodies[0].GetProperty("ref").GetString());
        Assert.Equal(["apply"], bodies[0].GetProperty("inputs").EnumerateObject().Select(p => p.Name));
        Assert.Equal("false", bodies[0].GetProperty("inputs").GetProperty("apply").GetString());
        Assert.Equal("true", bodies[1].GetProperty("inputs").GetProperty("force").GetString());
    }

    [Fact]
    public async Task An_input_the_workflow_does_not_declare_is_reported_with_githubs_reason()
    {
        Answer("unretire", 422, """{"message":"Unexpected inputs provided: [\"force\"]","documentation_url":"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event","status":"422"}""");

        var error = await Assert.ThrowsAsync<GitHubException>(() => Dispatcher().DispatchAsync(Repository, "unretire", apply: false, force: true));

        Assert.Contains("Unexpected inputs provided", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    [Fact]
    public async Task A_workflow_missing_on_github_is_reported_with_the_fix()
    {
        Answer("scm-requests", 404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event","status":"404"}""");

        var error = await Assert.ThrowsAsync<GitHubException>(() => Dispatcher().DispatchAsync(Repository, "scm-requests", apply: false));

        Assert.Contains("scm-requests.yml", error.Message);
        Assert.Contains("--target=workflows", error.Message);
    }

    [Theory]
    [InlineData("Unretire")]
    [InlineData("../ci")]
    public async Task A_job_name_that_is_not_one_is_refused_before_any_request(string job)
    {
        await Assert.ThrowsAsync<ConfigurationException>(() => Dispatcher().DispatchAsync(Repository, job, apply: false));
        Assert.Empty(_github.LogEntries);
    }

    [Fact]
    public async Task A_ticket_that_is_not_a_number_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<ConfigurationException>(() => Dispatcher().DispatchAsync(Repository, "unretire", apply: false, ticket: "12; rm"));
        Assert.Empty(_github.LogEntries);
    }

    [Fact]
    public async Task The_registered_client_uses_the_configured_base_url_token_and_project_http_pipeline()
    {
        Answer("unretire", 204);
        var services = new ServiceCollection();
        var endpoints = new ServiceEndpoints(
            new Uri("https://pagure.invalid"), new Uri("https://distgit.invalid"), new Uri("https://distgit.invalid"),
            new Uri("https://koji.invalid"), new Uri("https://bugzilla.invalid"), new Uri("https://bodhi.invalid"),
            GitHub: new Uri(_github.Urls[0]));
        var credentials = Credentials.FromEnvironment(name => name == "GITHUB_TOKEN" ? Token : null);
        services.AddGitHub(endpoints, credentials, HttpOptions.Default);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<WorkflowDispatcher>().DispatchAsync(Repository, "unretire", apply: false);

        Assert.Equal($"token {Token}", OnlyRequest().RequestMessage!.Headers!["Authorization"].Single(), ignoreCase: true);
    }
}

using System.Text.Json;
using Releng.Jobs.GitHub;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.Relay;

/// <summary>repository_dispatch against WireMock standing in for api.github.com.</summary>
public sealed class RepositoryDispatcherTests : IDisposable
{
    private const string Token = "fake-github-token-for-tests";
    private const string Path = "/repos/fedora-infra/releng-jobs/dispatches";
    private readonly WireMockServer _github = WireMockServer.Start();

    public void Dispose() => _github.Stop();

    private RepositoryDispatcher Dispatcher() =>
        new(GitHubClientFactory.Create(new Uri(_github.Urls[0]), Token), new GitHubRepository("fedora-infra", "releng-jobs"));

    private void Answer(int status, string? body = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body);
        }
        _github.Given(Request.Create().WithPath(Path).UsingPost()).RespondWith(response);
    }

    [Fact]
    public async Task The_dispatch_posts_the_event_type_and_the_ticket_url_with_the_token()
    {
        Answer(204);
        var url = ForgeWebhook.TicketUrl("tickets", 12001);

        await Dispatcher().SendAsync(new RepositoryDispatch("releng-ticket", url));

        var request = Assert.Single(_github.LogEntries).RequestMessage!;
        Assert.Equal("POST", request.Method);
        Assert.Equal(Path, request.Path);
        Assert.Equal($"token {Token}", request.Headers!["Authorization"].Single(), ignoreCase: true);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(["event_type", "client_payload"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("releng-ticket", body.RootElement.GetProperty("event_type").GetString());
        var payload = body.RootElement.GetProperty("client_payload");
        Assert.Equal([RepositoryDispatchMapper.PayloadKey], payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(url, payload.GetProperty(RepositoryDispatchMapper.PayloadKey).GetString());
    }

    [Fact]
    public async Task A_token_without_access_is_reported_with_the_repository_and_not_the_token()
    {
        Answer(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event","status":"404"}""");

        var error = await Assert.ThrowsAsync<GitHubException>(() => Dispatcher().SendAsync(new RepositoryDispatch("releng-ticket", ForgeWebhook.TicketUrl("tickets", 1))));

        Assert.Contains("fedora-infra/releng-jobs", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }
}

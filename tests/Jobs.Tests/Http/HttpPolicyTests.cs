using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.Http;

public sealed class HttpPolicyTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _client;
    private readonly ServiceProvider _services;

    public HttpPolicyTests()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("test", c => c.BaseAddress = new Uri(_server.Url!))
            .AddRelengPolicy(new HttpOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryAfter = TimeSpan.FromSeconds(2) });
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("test");
    }

    public void Dispose()
    {
        _services.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void RespondInSequence(string method, params (int Status, string? RetryAfter)[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var response = Response.Create().WithStatusCode(responses[i].Status).WithBody($"answer {i}");
            if (responses[i].RetryAfter is { } retryAfter)
            {
                response = response.WithHeader("Retry-After", retryAfter);
            }
            var request = Request.Create().WithPath("/thing").UsingMethod(method);
            var given = _server.Given(request).InScenario("sequence");
            if (i > 0)
            {
                given = given.WhenStateIs($"s{i}");
            }
            if (i < responses.Length - 1)
            {
                given = given.WillSetStateTo($"s{i + 1}");
            }
            given.RespondWith(response);
        }
    }

    [Fact]
    public async Task A_read_answered_503_is_retried_until_it_succeeds()
    {
        RespondInSequence("GET", (503, null), (200, null));

        using var response = await _client.GetAsync("/thing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task A_write_answered_503_is_not_repeated()
    {
        RespondInSequence("POST", (503, null), (200, null));

        using var response = await _client.PostAsync("/thing", new StringContent("comment=hello"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task A_write_refused_with_429_is_retried_after_the_time_the_server_asks_for()
    {
        RespondInSequence("POST", (429, "1"), (200, null));
        var started = DateTimeOffset.UtcNow;

        using var response = await _client.PostAsync("/thing", new StringContent("comment=hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.LogEntries.Count());
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task A_post_marked_idempotent_is_retried_like_a_read()
    {
        RespondInSequence("POST", (502, null), (200, null));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/thing") { Content = new StringContent("<methodCall/>") };
        using var response = await _client.SendAsync(request.MarkIdempotent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task Every_request_names_the_project_in_its_user_agent()
    {
        _server.Given(Request.Create().WithPath("/thing").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));

        using var _ = await _client.GetAsync("/thing");

        var entry = Assert.Single(_server.LogEntries);
        var agent = string.Join(" ", entry.RequestMessage.Headers!["User-Agent"]);
        Assert.StartsWith("releng-jobs/", agent);
    }

    [Fact]
    public async Task Every_attempt_is_counted_for_its_service_as_a_read_or_a_write()
    {
        RespondInSequence("GET", (503, null), (200, null));
        _server.Given(Request.Create().WithPath("/comment").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));

        using (await _client.GetAsync("/thing"))
        using (await _client.PostAsync("/comment", new StringContent("comment=hello")))
        {
        }

        var requests = _services.GetRequiredService<RequestCounter>().Snapshot().For("test");
        Assert.Equal(2, requests.Reads);
        Assert.Equal(1, requests.Writes);
    }

    [Fact]
    public async Task A_synchronous_write_waits_for_its_own_timeout_where_other_requests_give_up()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("slow", c => c.BaseAddress = new Uri(_server.Url!))
            .AddHttpMessageHandler(() => new RequestMarksHandler([], ["/new"]))
            .AddRelengPolicy(new HttpOptions
            {
                AttemptTimeout = TimeSpan.FromMilliseconds(100),
                SynchronousWriteTimeout = TimeSpan.FromMinutes(1),
                MaxRetries = 0,
            });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("slow");
        foreach (var path in new[] { "/new", "/other" })
        {
            _server.Given(Request.Create().WithPath(path).UsingPost())
                .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(1)));
        }

        using var created = await client.PostAsync("/new", new StringContent("wait=true"));
        var other = await Record.ExceptionAsync(() => client.PostAsync("/other", new StringContent("x")));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(other);
    }

    [Fact]
    public async Task A_post_that_only_reads_is_marked_by_path_and_retried()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("reads", c => c.BaseAddress = new Uri(_server.Url!))
            .AddHttpMessageHandler(() => new RequestMarksHandler(["/thing"]))
            .AddRelengPolicy(new HttpOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        using var provider = services.BuildServiceProvider();
        RespondInSequence("POST", (503, null), (200, null));

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("reads")
            .PostAsync("/thing", new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.LogEntries.Count());
    }
}

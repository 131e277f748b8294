using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Services;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Util;

namespace Releng.Jobs.Tests.Http;

/// <summary>
/// jobs.yaml's <c>services.&lt;env&gt;.concurrency</c> bounds the requests in flight to the services it names; the
/// others keep the default bound. The server holds each request until three of its service are in flight at once (or
/// a second passed), so a bound of two never reaches three, whatever the timing, and an unbounded service does.
/// </summary>
public sealed class ServiceBoundTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly object _sync = new();
    private readonly Dictionary<string, (int Now, int Most)> _inFlight = [];
    private readonly Dictionary<string, TaskCompletionSource> _released = [];

    public ServiceBoundTests()
    {
        _server.Given(Request.Create().WithPath("/*").UsingGet()).RespondWith(Response.Create().WithCallback(Hold));
    }

    public void Dispose() => _server.Stop();

    private async Task<IResponseMessage> Hold(IRequestMessage request)
    {
        var service = request.Path.Split('/')[1];
        Task third;
        lock (_sync)
        {
            var (now, most) = _inFlight.GetValueOrDefault(service);
            _inFlight[service] = (now + 1, Math.Max(most, now + 1));
            var released = _released.GetValueOrDefault(service) ?? (_released[service] = new(TaskCreationOptions.RunContinuationsAsynchronously));
            if (now + 1 >= 3)
            {
                released.TrySetResult();
            }
            third = released.Task;
        }
        // Waits without holding a thread, so the server can take every request the client sends at once.
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromSeconds(1)));
        lock (_sync)
        {
            _inFlight[service] = (_inFlight[service].Now - 1, _inFlight[service].Most);
        }
        return new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsString = "{}", DetectedBodyType = WireMock.Types.BodyType.String } };
    }

    private int MostAtOnce(string service)
    {
        lock (_sync)
        {
            return _inFlight.GetValueOrDefault(service).Most;
        }
    }

    [Fact]
    public async Task A_service_given_a_bound_never_has_more_requests_in_flight_and_the_others_keep_the_default()
    {
        var root = new Uri(_server.Url! + "/");
        var endpoints = new ServiceEndpoints(root, root, root, root, root, root);
        await using var provider = new ServiceCollection()
            .AddServiceClients(endpoints, SandboxCredentials.Default, concurrency: new Dictionary<string, int> { [ServiceName.DistGit] = 2 })
            .BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        async Task SendFourAsync(string service)
        {
            var client = factory.CreateClient(service);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
            {
                using var response = await client.GetAsync($"{service}/{i}");
                response.EnsureSuccessStatusCode();
            }));
        }
        await Task.WhenAll(SendFourAsync(ServiceName.DistGit), SendFourAsync(ServiceName.Bugzilla));

        Assert.Equal(2, MostAtOnce(ServiceName.DistGit));
        Assert.True(MostAtOnce(ServiceName.Bugzilla) >= 3, $"bugzilla had at most {MostAtOnce(ServiceName.Bugzilla)} requests in flight");
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Releng.Jobs.Services;

/// <summary>Asks each service one cheap, anonymous question to tell whether it answers, and how fast.</summary>
public sealed class ServiceProbe(IHttpClientFactory clients)
{
    public sealed record Result(string Service, string Url, bool Answers, string Detail, TimeSpan Elapsed);

    public static IReadOnlyList<(string Service, Func<ServiceEndpoints, HttpRequestMessage> Request)> Probes { get; } =
    [
        (ServiceName.Pagure, e => Get(e.Pagure, "api/0/-/version")),
        (ServiceName.DistGit, e => Get(e.DistGit, "api/0/-/version")),
        (ServiceName.Koji, e => new HttpRequestMessage(HttpMethod.Post, e.Koji)
        {
            Content = new StringContent("<?xml version='1.0'?><methodCall><methodName>getAPIVersion</methodName><params></params></methodCall>",
                Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
        }),
        (ServiceName.Bugzilla, e => Get(e.Bugzilla, "rest/version")),
        (ServiceName.Bodhi, e => Get(e.Bodhi, "releases/?rows_per_page=1")),
        // The API description sits outside FASJSON's Kerberos-protected /v1/, so the probe needs no ticket.
        (ServiceName.Fasjson, e => Get(e.Fasjson!, "specs/v1.json")),
        (ServiceName.Forge, e => Get(e.Forge!, "api/v1/version")),
    ];

    private static HttpRequestMessage Get(Uri baseUri, string path) => new(HttpMethod.Get, new Uri(baseUri, path));

    public async Task<IReadOnlyList<Result>> CheckAsync(ServiceEndpoints endpoints, CancellationToken cancellationToken)
    {
        var checks = Probes
            .Where(p => p.Service != ServiceName.Fasjson || endpoints.Fasjson is not null)
            .Where(p => p.Service != ServiceName.Forge || endpoints.Forge is not null)
            .Select(async probe =>
        {
            using var request = probe.Request(endpoints);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                using var response = await clients.CreateClient("probe").SendAsync(request, timeout.Token);
                return new Result(probe.Service, request.RequestUri!.ToString(), true,
                    $"HTTP {(int)response.StatusCode}", Stopwatch.GetElapsedTime(started));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new Result(probe.Service, request.RequestUri!.ToString(), false, e.Message, Stopwatch.GetElapsedTime(started));
            }
        });
        return await Task.WhenAll(checks);
    }
}

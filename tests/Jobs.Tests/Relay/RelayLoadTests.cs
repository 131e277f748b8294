using System.Net;
using System.Net.Http.Headers;
using Releng.Build.Relay;
using Releng.Jobs.Relay;
using Xunit.Abstractions;

namespace Releng.Jobs.Tests.Relay;

/// <summary>The real endpoint (Kestrel on loopback) under a bounded burst of genuine, replayed and forged deliveries.</summary>
public sealed class RelayLoadTests(ITestOutputHelper output)
{
    private const int Deliveries = 2_000;
    private const int Concurrency = 16;

    private static async Task<(Uri Url, Microsoft.AspNetCore.Builder.WebApplication App)> StartAsync(WebhookRelay relay)
    {
        var app = RelayServer.Build(relay, "http://127.0.0.1:0");
        await app.StartAsync();
        return (new Uri(app.Urls.Single() + RelayServer.Path), app);
    }

    private static HttpRequestMessage Post(Uri url, byte[] body, string @event, string delivery, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Forgejo-Event", @event);
        request.Headers.Add("X-Gitea-Event", @event);
        request.Headers.Add("X-Forgejo-Delivery", delivery);
        if (signature is not null)
        {
            request.Headers.Add("X-Forgejo-Signature", signature);
        }
        return request;
    }

    [Fact]
    public async Task Forged_deliveries_never_dispatch_and_replays_dispatch_once()
    {
        var github = new RecordingDispatcher();
        var (url, app) = await StartAsync(ForgeWebhook.Relay(github));
        await using var _ = app;
        using var http = new HttpClient();

        // Every 10th delivery is forged (its body altered after signing); every 7th genuine one is sent twice.
        var plan = Enumerable.Range(1, Deliveries).Select(i =>
        {
            var ticketUrl = ForgeWebhook.TicketUrl(i % 2 == 0 ? "tickets" : "fedora-scm-requests", i);
            var body = i % 3 == 0 ? ForgeWebhook.Comment(ticketUrl, "alice") : ForgeWebhook.Issues(ticketUrl);
            var signature = ForgeWebhook.Sign(body);
            var forged = i % 10 == 0;
            if (forged)
            {
                body[^3] ^= 0x01;
            }
            return (Index: i, Body: body, Event: i % 3 == 0 ? "issue_comment" : "issues", Delivery: $"delivery-{i}", Signature: signature, Forged: forged);
        }).ToList();
        var sends = plan.Concat(plan.Where(d => !d.Forged && d.Index % 7 == 0)).ToList();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(bool Forged, HttpStatusCode Status)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (d, ct) =>
        {
            using var response = await http.SendAsync(Post(url, d.Body, d.Event, d.Delivery, d.Signature), ct);
            statuses.Add((d.Forged, response.StatusCode));
        });
        clock.Stop();

        var genuine = plan.Where(d => !d.Forged).ToList();
        var dispatched = github.Sent.Select(s => s.TicketUrl).ToList();
        Assert.Equal(sends.Count, statuses.Count);
        Assert.All(statuses.Where(s => s.Forged), s => Assert.Equal(HttpStatusCode.Unauthorized, s.Status));
        Assert.All(statuses.Where(s => !s.Forged), s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Equal(dispatched.Count, dispatched.Distinct().Count());
        Assert.Equal(genuine.Count, dispatched.Count);
        Assert.DoesNotContain(dispatched, u => plan.Any(d => d.Forged && u.EndsWith($"/issues/{d.Index}", StringComparison.Ordinal)));
        output.WriteLine($"{sends.Count} deliveries ({plan.Count(d => d.Forged)} forged, {sends.Count - plan.Count} replays) in {clock.Elapsed.TotalSeconds:F2} s: " +
            $"{sends.Count / clock.Elapsed.TotalSeconds:F0}/s; {dispatched.Count} dispatches");
    }

    [Fact]
    public async Task The_endpoint_answers_413_for_an_oversized_body_and_reads_the_gitea_header_names()
    {
        var github = new RecordingDispatcher();
        var (url, app) = await StartAsync(ForgeWebhook.Relay(github));
        await using var _ = app;
        using var http = new HttpClient();
        var big = new byte[WebhookRelay.MaxBodyBytes + 10];
        var body = ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 42));
        var gitea = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        gitea.Headers.Add("X-Gitea-Event", "issues");
        gitea.Headers.Add("X-Gitea-Delivery", "gitea-1");
        gitea.Headers.Add("X-Gitea-Signature", ForgeWebhook.Sign(body));

        using var tooLarge = await http.SendAsync(Post(url, big, "issues", "big-1", ForgeWebhook.Sign(big)));
        using var relayed = await http.SendAsync(gitea);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, relayed.StatusCode);
        Assert.Equal(ForgeWebhook.TicketUrl("tickets", 42), Assert.Single(github.Sent).TicketUrl);
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;
using Releng.Jobs.Planning;
using Releng.Jobs.Relay;

namespace Releng.Jobs.Tests.Relay;

/// <summary>Forgejo webhook bodies shaped as forgejo-api.md §3.3 describes them, and a relay wired to record its dispatches.</summary>
internal static class ForgeWebhook
{
    public const string Secret = "webhook-secret-for-tests";
    public const string Forge = "https://forge.fedoraproject.org";

    /// <summary>jobs.yaml's two ticket jobs as the repository configures them.</summary>
    public const string JobsYaml = """
        jobs:
          unretire:
            task: unretire
            events: [releng-ticket]
            with: { tracker: forge:releng/tickets, phase: recent }
          scm-requests:
            task: scm-requests
            events: [scm-request]
            with: { tracker: forge:releng/fedora-scm-requests, bot: releng-bot }
        """;

    public static string TicketUrl(string repo, int number) => $"{Forge}/releng/{repo}/issues/{number}";

    public static byte[] Issues(string ticketUrl, string action = "opened", string sender = "alice", bool pullRequest = false) =>
        Json(new Dictionary<string, object?>
        {
            ["action"] = action,
            ["number"] = 1,
            ["issue"] = Issue(ticketUrl, pullRequest),
            ["repository"] = new { full_name = "releng/tickets" },
            ["sender"] = new { login = sender },
        });

    public static byte[] Comment(string ticketUrl, string author, string action = "created", bool isPull = false) =>
        Json(new Dictionary<string, object?>
        {
            ["action"] = action,
            ["issue"] = Issue(ticketUrl, isPull),
            ["comment"] = new { id = 7, body = "@releng-bot retry", user = new { login = author } },
            ["repository"] = new { full_name = "releng/tickets" },
            ["sender"] = new { login = author },
            ["is_pull"] = isPull,
        });

    private static Dictionary<string, object?> Issue(string url, bool pullRequest) => new()
    {
        ["id"] = 99,
        ["number"] = 1,
        ["html_url"] = url,
        ["title"] = "Unretire rpms/foo",
        ["pull_request"] = pullRequest ? new { merged = false, html_url = url.Replace("/issues/", "/pulls/", StringComparison.Ordinal) } : null,
    };

    private static byte[] Json(object payload) => JsonSerializer.SerializeToUtf8Bytes(payload);

    public static string Sign(byte[] body, string secret = Secret) => new WebhookSignature(secret).Sign(body);

    public static ForgeDelivery Delivery(byte[] body, string @event = "issues", string? delivery = null, string? signature = null) =>
        new(@event, delivery ?? Guid.NewGuid().ToString(), signature ?? Sign(body), body);

    public static WebhookRelay Relay(IRepositoryDispatcher dispatcher, IRunLog? log = null, DeliveryLog? deliveries = null)
    {
        var jobs = new JobsFileLoader(TaskCatalog.Default).Parse(JobsYaml, "jobs.yaml");
        var mapper = new RepositoryDispatchMapper(jobs, TaskCatalog.Default, new Uri("https://pagure.io"), new Uri(Forge));
        return new WebhookRelay(new WebhookSignature(Secret), mapper, jobs, TaskCatalog.Default, dispatcher, log ?? new RecordingLog(), deliveries);
    }
}

/// <summary>Records what would have been sent to GitHub.</summary>
internal sealed class RecordingDispatcher : IRepositoryDispatcher
{
    public ConcurrentQueue<RepositoryDispatch> Sent { get; } = new();

    public Exception? Failure { get; set; }

    public Task SendAsync(RepositoryDispatch dispatch, CancellationToken cancellationToken = default)
    {
        if (Failure is { } failure)
        {
            return Task.FromException(failure);
        }
        Sent.Enqueue(dispatch);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingLog : IRunLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Information(string message) => Lines.Enqueue(message);

    public void Warning(string message) => Lines.Enqueue(message);

    public void Error(string message) => Lines.Enqueue(message);

    public void Verbose(string message) => Lines.Enqueue(message);

    public string Text => string.Join('\n', Lines);
}

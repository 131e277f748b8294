using System.Text.Json;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;
using Releng.Jobs.Planning;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Relay;

/// <summary>
/// Decides what one forge webhook delivery does: refuse it (oversized, unsigned, forged, malformed), ignore it (another
/// event, a pull request, a tracker no enabled job reads, the bot's own doing, a replay) or send the owning job's
/// <c>repository_dispatch</c> with the ticket's URL. Every decision is one log line; nothing from the body but the
/// ticket URL is repeated, and that only after the signature holds.
/// </summary>
public sealed class WebhookRelay(
    WebhookSignature signature,
    RepositoryDispatchMapper mapper,
    JobsFile jobs,
    TaskCatalog catalog,
    IRepositoryDispatcher dispatcher,
    IRunLog log,
    DeliveryLog? deliveries = null,
    string? bot = null)
{
    public const int MaxBodyBytes = 1024 * 1024;
    private const int ShownLength = 80;

    private static readonly Dictionary<string, string[]> RelayedActions = new(StringComparer.Ordinal)
    {
        // A ticket that is new, changed or back; a comment that may carry a command. Closing, labels, assignees and
        // deleted comments ask nothing of a job.
        ["issues"] = ["opened", "edited", "reopened"],
        ["issue_comment"] = ["created", "edited"],
    };

    private readonly DeliveryLog _deliveries = deliveries ?? new DeliveryLog();

    public async Task<RelayOutcome> HandleAsync(ForgeDelivery delivery, CancellationToken cancellationToken = default)
    {
        var outcome = await DecideAsync(delivery, cancellationToken);
        var line = $"delivery {Show(delivery.Delivery)} ({Show(delivery.Event)}): {outcome.Status} {outcome.Reason}";
        if (outcome.Status >= 500)
        {
            log.Error(line);
        }
        else if (outcome.Status >= 400)
        {
            log.Warning(line);
        }
        else
        {
            log.Information(line);
        }
        return outcome;
    }

    private async Task<RelayOutcome> DecideAsync(ForgeDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Body.Length > MaxBodyBytes)
        {
            return new RelayOutcome(413, $"refused: the body is over {MaxBodyBytes} bytes");
        }
        if (string.IsNullOrEmpty(delivery.Signature))
        {
            return new RelayOutcome(401, "refused: no X-Forgejo-Signature (set the webhook's secret)");
        }
        if (!signature.Verifies(delivery.Body.Span, delivery.Signature))
        {
            return new RelayOutcome(401, "refused: X-Forgejo-Signature does not match the body (wrong secret or altered body)");
        }
        if (string.IsNullOrEmpty(delivery.Event))
        {
            return new RelayOutcome(400, "refused: no X-Forgejo-Event header");
        }
        if (!RelayedActions.TryGetValue(delivery.Event, out var actions))
        {
            return RelayOutcome.Ignored("not an issues or issue_comment event");
        }
        if (string.IsNullOrEmpty(delivery.Delivery) || delivery.Delivery.Length > 200)
        {
            return new RelayOutcome(400, "refused: no usable X-Forgejo-Delivery id");
        }
        IssueEvent issueEvent;
        try
        {
            issueEvent = IssueEvent.Parse(delivery.Body.Span);
        }
        catch (JsonException e)
        {
            return new RelayOutcome(400, $"refused: the body is not an issue event ({e.Message.Split('.')[0]})");
        }
        if (issueEvent.IsPullRequest)
        {
            return RelayOutcome.Ignored("a pull request");
        }
        if (!actions.Contains(issueEvent.Action, StringComparer.Ordinal))
        {
            return RelayOutcome.Ignored($"action {Show(issueEvent.Action)} asks nothing of a job");
        }
        TicketDispatch ticket;
        try
        {
            ticket = mapper.Map(issueEvent.TicketUrl);
        }
        catch (DispatchRefusedException e)
        {
            return RelayOutcome.Ignored(e.Message);
        }
        var job = jobs.Jobs[ticket.Job];
        var botLogin = BotOf(job);
        if (string.Equals(issueEvent.CommentAuthor, botLogin, StringComparison.OrdinalIgnoreCase)
            || string.Equals(issueEvent.Sender, botLogin, StringComparison.OrdinalIgnoreCase))
        {
            return RelayOutcome.Ignored($"the bot's own ({botLogin}) {(issueEvent.CommentAuthor is null ? "change" : "comment")} on {ticket.Tracker}#{ticket.Ticket}");
        }
        if (job.Events.Count == 0)
        {
            return RelayOutcome.Ignored($"job {ticket.Job} lists no events in {jobs.Path}");
        }
        if (!_deliveries.TryClaim(delivery.Delivery))
        {
            return new RelayOutcome(200, "already relayed (a redelivery)");
        }
        var dispatch = new RepositoryDispatch(job.Events[0], issueEvent.TicketUrl);
        try
        {
            await dispatcher.SendAsync(dispatch, cancellationToken);
        }
        catch (Exception e) when (e is GitHubException or HttpRequestException or TaskCanceledException)
        {
            // Not relayed: forget the id so the forge's retry of this delivery is handled.
            _deliveries.Release(delivery.Delivery);
            return new RelayOutcome(502, $"the dispatch to GitHub failed, nothing was relayed: {e.Message}");
        }
        return new RelayOutcome(200, $"dispatched {dispatch.EventType} to job {ticket.Job} for {ticket.Tracker}#{ticket.Ticket}", dispatch);
    }

    private string BotOf(JobDefinition job)
    {
        if (bot is { Length: > 0 })
        {
            return bot;
        }
        var spec = catalog.Find(job.Task);
        return spec?.Parameter("bot") is not null ? new JobParameters(spec, job.With).TextOrNull("bot") ?? BotAccount.DefaultName : BotAccount.DefaultName;
    }

    private static string Show(string? untrusted)
    {
        if (untrusted is null)
        {
            return "-";
        }
        var (shown, cut) = SafeEcho.Visible(untrusted, ShownLength);
        return cut ? shown + "…" : shown;
    }
}

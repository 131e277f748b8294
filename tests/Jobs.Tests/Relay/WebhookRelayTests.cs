using System.Text;
using Releng.Jobs.GitHub;
using Releng.Jobs.Relay;

namespace Releng.Jobs.Tests.Relay;

public sealed class WebhookRelayTests
{
    private readonly RecordingDispatcher _github = new();
    private readonly RecordingLog _log = new();

    private WebhookRelay Relay() => ForgeWebhook.Relay(_github, _log);

    [Fact]
    public async Task A_new_releng_ticket_dispatches_the_unretire_jobs_event_with_the_ticket_url()
    {
        var url = ForgeWebhook.TicketUrl("tickets", 12001);

        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Issues(url)));

        Assert.Equal(200, outcome.Status);
        Assert.Equal(new RepositoryDispatch("releng-ticket", url), Assert.Single(_github.Sent));
        Assert.Contains("dispatched releng-ticket to job unretire for forge:releng/tickets#12001", _log.Text);
    }

    [Fact]
    public async Task A_new_fedora_scm_requests_ticket_dispatches_scm_requests()
    {
        var url = ForgeWebhook.TicketUrl("fedora-scm-requests", 5101);

        await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Issues(url)));

        Assert.Equal(new RepositoryDispatch("scm-request", url), Assert.Single(_github.Sent));
    }

    [Fact]
    public async Task A_persons_comment_dispatches_the_tickets_job()
    {
        var url = ForgeWebhook.TicketUrl("tickets", 12002);

        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Comment(url, "alice"), "issue_comment"));

        Assert.Equal(200, outcome.Status);
        Assert.Equal(new RepositoryDispatch("releng-ticket", url), Assert.Single(_github.Sent));
    }

    [Fact]
    public async Task A_replayed_delivery_id_dispatches_once()
    {
        var delivery = ForgeWebhook.Delivery(ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12003)));
        var relay = Relay();

        var first = await relay.HandleAsync(delivery);
        var replay = await relay.HandleAsync(delivery);

        Assert.Equal(200, first.Status);
        Assert.NotNull(first.Dispatched);
        Assert.Equal(200, replay.Status);
        Assert.Null(replay.Dispatched);
        Assert.Single(_github.Sent);
        Assert.Contains("already relayed", _log.Text);
    }

    [Fact]
    public async Task A_delivery_whose_dispatch_failed_is_relayed_when_the_forge_retries_it()
    {
        var delivery = ForgeWebhook.Delivery(ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12004)));
        var relay = Relay();
        _github.Failure = new GitHubException("GitHub did not accept the token (GITHUB_TOKEN)");

        var failed = await relay.HandleAsync(delivery);
        _github.Failure = null;
        var retried = await relay.HandleAsync(delivery);

        Assert.Equal(502, failed.Status);
        Assert.Equal(200, retried.Status);
        Assert.Single(_github.Sent);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused_with_401_and_not_dispatched()
    {
        var body = ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12005));
        var signature = ForgeWebhook.Sign(body);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("12005", "12006", StringComparison.Ordinal));

        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(altered, signature: signature));

        Assert.Equal(401, outcome.Status);
        Assert.Empty(_github.Sent);
        Assert.Contains("does not match the body", _log.Text);
    }

    [Fact]
    public async Task A_delivery_without_a_signature_or_signed_with_another_secret_is_refused_with_401()
    {
        var body = ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12007));

        var unsigned = await Relay().HandleAsync(ForgeWebhook.Delivery(body) with { Signature = null });
        var wrongSecret = await Relay().HandleAsync(ForgeWebhook.Delivery(body, signature: ForgeWebhook.Sign(body, "not-the-secret")));

        Assert.Equal(401, unsigned.Status);
        Assert.Equal(401, wrongSecret.Status);
        Assert.Empty(_github.Sent);
        Assert.Contains("no X-Forgejo-Signature", _log.Text);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_anything_else()
    {
        var body = new byte[WebhookRelay.MaxBodyBytes + 1];

        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(body));

        Assert.Equal(413, outcome.Status);
        Assert.Empty(_github.Sent);
    }

    [Theory]
    [InlineData("push")]
    [InlineData("pull_request")]
    [InlineData("release")]
    public async Task Another_event_is_acknowledged_with_202_and_a_log_line_but_not_dispatched(string @event)
    {
        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 1)), @event));

        Assert.Equal(202, outcome.Status);
        Assert.Empty(_github.Sent);
        Assert.Contains($"({@event}): 202 ignored: not an issues or issue_comment event", _log.Text);
    }

    [Fact]
    public async Task A_pull_request_and_a_comment_on_one_are_ignored()
    {
        var url = ForgeWebhook.TicketUrl("tickets", 12008);

        var pull = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Issues(url, pullRequest: true)));
        var comment = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Comment(url, "alice", isPull: true), "issue_comment"));

        Assert.Equal(202, pull.Status);
        Assert.Equal(202, comment.Status);
        Assert.Empty(_github.Sent);
        Assert.Contains("ignored: a pull request", _log.Text);
    }

    [Fact]
    public async Task The_bots_own_comment_is_ignored()
    {
        var outcome = await Relay().HandleAsync(
            ForgeWebhook.Delivery(ForgeWebhook.Comment(ForgeWebhook.TicketUrl("fedora-scm-requests", 5102), "releng-bot"), "issue_comment"));

        Assert.Equal(202, outcome.Status);
        Assert.Empty(_github.Sent);
        Assert.Contains("the bot's own (releng-bot) comment", _log.Text);
    }

    [Theory]
    [InlineData("https://forge.fedoraproject.org/someone/tickets/issues/3")]
    [InlineData("https://forge.fedoraproject.org/releng/other/issues/3")]
    [InlineData("https://codeberg.org/releng/tickets/issues/3")]
    public async Task An_event_of_a_repository_no_enabled_job_reads_is_ignored(string url)
    {
        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Issues(url)));

        Assert.Equal(202, outcome.Status);
        Assert.Empty(_github.Sent);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("label_updated")]
    [InlineData("assigned")]
    public async Task Actions_that_ask_nothing_of_a_job_are_ignored(string action)
    {
        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12009), action)));

        Assert.Equal(202, outcome.Status);
        Assert.Empty(_github.Sent);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_issue_event_is_refused_with_400()
    {
        var body = Encoding.UTF8.GetBytes("""{"action":"opened"}""");

        var outcome = await Relay().HandleAsync(ForgeWebhook.Delivery(body));

        Assert.Equal(400, outcome.Status);
        Assert.Empty(_github.Sent);
    }

    [Fact]
    public async Task The_log_never_shows_the_secret_or_control_characters_from_headers()
    {
        var body = ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12010));

        await Relay().HandleAsync(ForgeWebhook.Delivery(body, "push\nFAKE LINE", delivery: "id\r\nforged"));

        Assert.DoesNotContain(ForgeWebhook.Secret, _log.Text);
        Assert.DoesNotContain("\nFAKE", _log.Text);
        Assert.DoesNotContain("\nforged", _log.Text);
    }
}

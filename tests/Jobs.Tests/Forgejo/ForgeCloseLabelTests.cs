using System.Text.Json;
using System.Text.Json.Nodes;
using Releng.Jobs.Tests.Hosting;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>
/// A tracker on the forge without the <c>Closed As/…</c> label an outcome needs: the plan warns, the label is never
/// created, the ticket is still answered and closed, and the comment says the outcome.
/// </summary>
public sealed class ForgeCloseLabelTests : IDisposable
{
    private readonly HostFixture _host = new();

    public ForgeCloseLabelTests()
    {
        File.WriteAllText(_host.JobsFile, """
            jobs:
              scm-requests:
                task: scm-requests
                with: { tracker: "forge:releng/fedora-scm-requests" }
            """);
        File.WriteAllText(_host.Scenario, """
            clock: 2026-11-24T12:00:00Z
            people:
              ada: {}
            forge:
              repos:
                releng/fedora-scm-requests:
                  close_statuses: [Processed]
                  issues:
                    - { number: 7, title: "New Repo for rpms/ferret", author: ada, migrated: true, body: "no JSON here", days_ago: 1 }
            """);
    }

    private JsonNode Repo => JsonNode.Parse(File.ReadAllText(Path.Combine(_host.Root, "sandbox", "world.json")))!["forge"]!["repos"]!["releng/fedora-scm-requests"]!;

    [Fact]
    public async Task A_missing_close_label_is_a_plan_warning_and_the_ticket_is_still_answered_and_closed_without_it()
    {
        Assert.Equal(0, await _host.RunAsync(null, null, "--target=scm-requests", "--env=sandbox", "--apply", "--fresh"));

        var decisions = _host.AuditLines.Select(line => JsonDocument.Parse(line).RootElement).Where(e => !e.TryGetProperty("step", out _)).ToList();
        var warning = Assert.Single(decisions, d => d.GetProperty("decision").GetString() == "warning");
        Assert.Equal("forge:releng/fedora-scm-requests", warning.GetProperty("subject").GetString());
        Assert.Equal(
            "forge:releng/fedora-scm-requests has no label 'Closed As/Invalid' (repository or organization releng); tickets are closed without it",
            warning.GetProperty("reason").GetString());
        Assert.Equal("invalid", decisions.Single(d => d.GetProperty("subject").GetString() == "forge:releng/fedora-scm-requests#7").GetProperty("decision").GetString());

        var issue = Repo["issues"]!.AsArray().Single()!;
        Assert.Equal("closed", (string?)issue["state"]);
        Assert.Empty(issue["labels"]!.AsArray());
        Assert.Equal(["Closed As/Processed"], Repo["labels"]!.AsArray().Select(label => (string)label!["name"]!));
        var comment = (string)Assert.Single(issue["comments"]!.AsArray())!["body"]!;
        Assert.Contains("Invalid ticket body", comment);
    }

    [Fact]
    public async Task A_job_can_name_the_label_that_records_a_close_status_on_its_tracker()
    {
        File.WriteAllText(_host.JobsFile, """
            jobs:
              scm-requests:
                task: scm-requests
                with: { tracker: "forge:releng/fedora-scm-requests", close_labels: ["Invalid=Closed As/Rejected"] }
            """);
        File.WriteAllText(_host.Scenario, File.ReadAllText(_host.Scenario).Replace(
            "close_statuses: [Processed]", "close_statuses: [Processed]\n      labels: [ { name: \"Closed As/Rejected\", exclusive: true } ]"));

        Assert.Equal(0, await _host.RunAsync(null, null, "--target=scm-requests", "--env=sandbox", "--apply", "--fresh"));

        Assert.DoesNotContain(_host.AuditLines, line => line.Contains("\"decision\":\"warning\"", StringComparison.Ordinal));
        var rejected = Repo["labels"]!.AsArray().Single(label => (string?)label!["name"] == "Closed As/Rejected")!;
        var issue = Repo["issues"]!.AsArray().Single()!;
        Assert.Equal("closed", (string?)issue["state"]);
        Assert.Equal([(int)rejected["id"]!], issue["labels"]!.AsArray().Select(id => (int)id!));
    }

    [Fact]
    public async Task A_close_label_entry_that_is_not_status_equals_label_is_a_configuration_error_at_its_line()
    {
        File.WriteAllText(_host.JobsFile, """
            jobs:
              scm-requests:
                task: scm-requests
                with:
                  tracker: "forge:releng/fedora-scm-requests"
                  close_labels: ["Closed As/Rejected"]
            """);

        Assert.Equal(2, await _host.RunAsync(null, null, "--target=scm-requests", "--env=sandbox", "--fresh"));

        Assert.Contains("jobs.yaml:6:", _host.Console.Text);
        Assert.Contains("'Closed As/Rejected' is not Status=Label", _host.Console.Text);
    }

    public void Dispose() => _host.Dispose();
}

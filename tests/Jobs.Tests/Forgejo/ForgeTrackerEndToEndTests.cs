using System.Text.Json;
using System.Text.Json.Nodes;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.Tests.Hosting;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>
/// The ticket jobs against the trackers where Fedora files requests today, on the fake Fedora Forge: the repository's
/// jobs.yaml and default scenario, through the real host, as <c>./build.sh --env=sandbox</c> runs them.
/// </summary>
public sealed class ForgeTrackerEndToEndTests : IDisposable
{
    private const string ScmRequests = "releng/fedora-scm-requests";
    private readonly HostFixture _host = new();

    private string Sandbox => Path.Combine(_host.Root, "world");

    private Task<int> RunAsync(string audit, params string[] args) =>
        _host.RunAsync(null, null, [
            $"--config={Path.Combine(RepositoryRoot.Find(), "jobs.yaml")}",
            $"--scenario={Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", "default.yaml")}",
            $"--sandbox-dir={Sandbox}", $"--audit={Path.Combine(_host.Root, audit)}", .. args]);

    private IReadOnlyList<JsonElement> Audit(string audit) =>
        File.ReadAllLines(Path.Combine(_host.Root, audit)).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    private JsonNode World => JsonNode.Parse(File.ReadAllText(Path.Combine(Sandbox, "world.json")))!;

    private JsonNode Issue(string repo, int number) =>
        World["forge"]!["repos"]![repo]!["issues"]!.AsArray().Single(issue => (int)issue!["number"]! == number)!;

    [Fact]
    public async Task A_plan_names_every_ticket_by_its_forge_tracker_with_its_forge_url()
    {
        Assert.Equal(0, await RunAsync("plan.jsonl", "--target=all", "--fresh"));

        var decisions = Audit("plan.jsonl").Where(entry => entry.GetProperty("job").GetString() is "unretire" or "scm-requests").ToList();
        Assert.Contains(decisions, d => d.GetProperty("subject").GetString() == "forge:releng/tickets#12001");
        Assert.Contains(decisions, d => d.GetProperty("subject").GetString() == $"forge:{ScmRequests}#5001");
        Assert.All(decisions.Where(d => d.GetProperty("subject").GetString()!.Contains('#')), d =>
            Assert.StartsWith("forge:releng/", d.GetProperty("subject").GetString()));
        var scm5101 = decisions.Single(d => d.GetProperty("job").GetString() == "scm-requests" && d.GetProperty("subject").GetString() == $"forge:{ScmRequests}#5101");
        Assert.EndsWith($"/{ScmRequests}/issues/5101", scm5101.GetProperty("evidence").GetProperty("ticket").GetString());
    }

    [Fact]
    public async Task An_unretirement_request_filed_in_fedora_scm_requests_is_processed_by_unretire_and_left_alone_by_scm_requests()
    {
        Assert.Equal(0, await RunAsync("scm.jsonl", "--target=scm-requests", "--apply", "--fresh"));
        var scm = Audit("scm.jsonl").Where(entry => entry.GetProperty("subject").GetString() == $"forge:{ScmRequests}#5101").ToList();
        Assert.Equal("an unretirement request: left to the unretire job", Assert.Single(scm).GetProperty("reason").GetString());
        Assert.Equal("open", (string?)Issue(ScmRequests, 5101)["state"]);
        Assert.Empty(Issue(ScmRequests, 5101)["comments"]!.AsArray());

        Assert.Equal(0, await RunAsync("first.jsonl", "--target=all", "--apply"));
        var unretire = Audit("first.jsonl").First(entry => entry.GetProperty("subject").GetString() == $"forge:{ScmRequests}#5101");
        Assert.Equal("unretire", unretire.GetProperty("job").GetString());
        Assert.Equal("process", unretire.GetProperty("decision").GetString());
        Assert.Equal("fedpkg request JSON (action unretirement)", unretire.GetProperty("evidence").GetProperty("read as").GetString());
        // Migrated from pagure.io: the forge shows the Ghost user; the requester is the original author.
        Assert.Equal("jdoe", unretire.GetProperty("evidence").GetProperty("requester").GetString());

        var issue = Issue(ScmRequests, 5101);
        Assert.Equal("Ghost", (string?)issue["author"]);
        Assert.Equal("closed", (string?)issue["state"]);
        var processed = World["forge"]!["repos"]![ScmRequests]!["labels"]!.AsArray().Single(label => (string?)label!["name"] == "Closed As/Processed")!;
        Assert.Equal([(int)processed["id"]!], issue["labels"]!.AsArray().Select(id => (int)id!));
        var comments = issue["comments"]!.AsArray().Select(comment => (string)comment!["body"]!).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Contains("releng-jobs:unretire-report", comments[0]);
        Assert.Contains("releng-jobs:unretire-done", comments[1]);
        Assert.DoesNotContain(comments, comment => comment.Contains("releng-jobs:scm", StringComparison.Ordinal));

        var repository = Directory.EnumerateDirectories(Path.Combine(Sandbox, "git"), "python-ferns.git", SearchOption.AllDirectories).Single();
        Assert.Matches($@"^Unretirement request: http://127\.0\.0\.1:\d+/{ScmRequests}/issues/5101",
            Git.Run(repository, "log", "-1", "--format=%B", "rawhide"));
        var koji = World["koji"]!;
        var package = koji["packages"]!.AsArray().Single(p => (string?)p!["name"] == "python-ferns")!;
        var current = koji["packageEntries"]!.AsArray().Single(e => (int)e!["packageId"]! == (int)package["id"]! && e["revokeEvent"] is null)!;
        Assert.False((bool)current["blocked"]!);

        Assert.Equal(0, await RunAsync("second.jsonl", "--target=all", "--apply"));
        Assert.DoesNotContain(Audit("second.jsonl"), entry => entry.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task A_forge_ticket_url_selects_that_ticket_on_the_tracker_it_names()
    {
        var factory = new ScriptedJobFactory("unretire", request => new Releng.Jobs.Planning.Plan(request.JobName, []));
        File.WriteAllText(_host.JobsFile, """
            services:
              fedora: { pagure: "https://pagure.io/", distgit: "https://src.fedoraproject.org/", koji: "https://koji.fedoraproject.org/kojihub",
                        bugzilla: "https://bugzilla.redhat.com/", bodhi: "https://bodhi.fedoraproject.org/", forge: "https://forge.fedoraproject.org/" }
            jobs:
              unretire:
                task: unretire
                with: { phase: recent }
            """);

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--job=unretire", "--env=fedora",
            $"--ticket-url=https://forge.fedoraproject.org/{ScmRequests}/issues/5101");

        Assert.Equal(0, exit);
        var request = Assert.Single(factory.Requests);
        Assert.Equal((5101, $"forge:{ScmRequests}"), (request.Ticket, request.TicketTracker));
        var options = new Releng.Jobs.Unretire.UnretireDescriptor().Bind(request);
        Assert.Equal(5101, options.TicketOn($"forge:{ScmRequests}"));
        Assert.True(options.Skips("forge:releng/tickets"));
    }

    public void Dispose() => _host.Dispose();
}

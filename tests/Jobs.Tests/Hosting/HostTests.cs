using System.Text.Json;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Tests.Hosting;

public sealed class HostTests : IDisposable
{
    private readonly HostFixture _host = new();

    public void Dispose() => _host.Dispose();

    private sealed class Counter
    {
        public int Writes;
    }

    private static Plan TwoTickets(Counter counter, bool secondFails = false) => new("unretire",
    [
        new Decision("releng#1", "comment", "first ticket", [new Evidence("retired", "21 days ago")],
            [new Step("post report", _ => { Interlocked.Increment(ref counter.Writes); return Task.FromResult(StepResult.Done("comment 7")); })]),
        new Decision("releng#2", "comment", "second ticket", [],
            [new Step("post report", _ => secondFails
                ? throw new InvalidOperationException("Pagure said 500")
                : Task.FromResult(StepResult.Done())),
             new Step("close", _ => { Interlocked.Increment(ref counter.Writes); return Task.FromResult(StepResult.Done()); })]),
        new Decision("releng#3", "comment", "third ticket", [],
            [new Step("post report", _ => { Interlocked.Increment(ref counter.Writes); return Task.FromResult(StepResult.Done()); })]),
    ]);

    [Fact]
    public async Task Without_apply_nothing_is_written_and_the_plan_is_printed()
    {
        var counter = new Counter();
        var factory = new ScriptedJobFactory("unretire", _ => TwoTickets(counter));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--env=sandbox");

        Assert.Equal(0, exit);
        Assert.Equal(0, counter.Writes);
        Assert.Contains("releng#1", _host.Console.Text);
        Assert.Contains("first ticket", _host.Console.Text);
        Assert.Contains("plan only", _host.Console.Text);
        var lines = _host.AuditLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.False(l.TryGetProperty("status", out _)));
    }

    [Fact]
    public async Task Apply_runs_every_step_and_audits_each_one()
    {
        var counter = new Counter();
        var factory = new ScriptedJobFactory("unretire", _ => TwoTickets(counter));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--env=sandbox", "--apply");

        Assert.Equal(0, exit);
        Assert.Equal(3, counter.Writes);
        var steps = _host.AuditLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("step", out _)).ToList();
        Assert.Equal(4, steps.Count);
        Assert.All(steps, s =>
        {
            Assert.Equal("done", s.GetProperty("status").GetString());
            foreach (var field in new[] { "time", "job", "subject", "decision", "reason" })
            {
                Assert.True(s.TryGetProperty(field, out _), field);
            }
        });
    }

    [Fact]
    public async Task A_failed_step_stops_its_ticket_but_not_the_others_and_exits_1()
    {
        var counter = new Counter();
        var factory = new ScriptedJobFactory("unretire", _ => TwoTickets(counter, secondFails: true));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--env=sandbox", "--apply");

        Assert.Equal(1, exit);
        Assert.Equal(2, counter.Writes); // tickets 1 and 3; ticket 2 is not closed after its failed comment
        var statuses = _host.AuditLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("status", out _))
            .Select(l => $"{l.GetProperty("subject").GetString()}:{l.GetProperty("step").GetString()}:{l.GetProperty("status").GetString()}")
            .ToList();
        Assert.Equal(["releng#1:post report:done", "releng#2:post report:failed", "releng#3:post report:done"], statuses);
    }

    [Fact]
    public async Task A_job_whose_plan_fails_does_not_stop_the_next_job_and_the_run_exits_1()
    {
        File.WriteAllText(_host.JobsFile, """
            jobs:
              unretire-first:
                task: unretire
                with: { phase: report }
              unretire-second:
                task: unretire
                with: { phase: report }
            """);
        var counter = new Counter();
        var factory = new ScriptedJobFactory("unretire", r => r.JobName == "unretire-first"
            ? throw new HttpRequestException("pagure.io could not be reached")
            : new Plan(r.JobName, [new Decision("releng#5", "comment", "second job's ticket", [],
                [new Step("post report", _ => { Interlocked.Increment(ref counter.Writes); return Task.FromResult(StepResult.Done()); })])]));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--env=sandbox", "--apply");

        Assert.Equal(1, exit);
        Assert.Equal(1, counter.Writes);
        Assert.Contains("unretire-first", _host.Console.Text);
        Assert.Contains("pagure.io could not be reached", _host.Console.Text);
        Assert.Contains("unretire-first", File.ReadAllText(_host.Summary));
    }

    [Fact]
    public async Task A_plan_that_fails_writes_an_audit_line_with_decision_error_and_the_reason()
    {
        var factory = new ScriptedJobFactory("unretire", _ => throw new HttpRequestException("koji.fedoraproject.org said 503"));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--env=sandbox");

        Assert.Equal(1, exit);
        var line = JsonDocument.Parse(Assert.Single(_host.AuditLines)).RootElement;
        Assert.Equal("unretire", line.GetProperty("subject").GetString());
        Assert.Equal("error", line.GetProperty("decision").GetString());
        Assert.Equal("koji.fedoraproject.org said 503", line.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_parameter_naming_nothing_in_the_service_is_a_configuration_error_at_its_jobs_yaml_position()
    {
        File.WriteAllText(_host.JobsFile, """
            jobs:
              unretire:
                task: unretire
                with:
                  phase: report
            """);
        var factory = new ScriptedJobFactory("unretire", _ => throw new Releng.Jobs.Configuration.ParameterValueException("phase", "no such thing"));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--env=sandbox");

        Assert.Equal(2, exit);
        Assert.Contains("jobs.yaml:5:14: job 'unretire', parameter 'phase': no such thing", _host.Console.Text);
        var line = JsonDocument.Parse(Assert.Single(_host.AuditLines)).RootElement;
        Assert.Equal("error", line.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_secret_is_masked_in_the_log_the_audit_file_and_the_step_summary()
    {
        const string canary = "canary-3f9d1c2b7a";
        var factory = new ScriptedJobFactory("unretire", _ => new Plan("unretire",
        [
            new Decision("releng#9", "refuse", $"token {canary} leaked into a reason", [new Evidence("header", $"token {canary}")],
                [new Step($"step {canary}", _ => Task.FromResult(StepResult.Done($"detail {canary}")))]),
        ]));

        var exit = await _host.RunAsync(factory, HostFixture.CredentialsWith(canary), "--target=unretire", "--env=sandbox", "--apply");

        Assert.Equal(0, exit);
        var log = _host.Console.Text;
        var audit = File.ReadAllText(_host.Audit);
        var summary = File.ReadAllText(_host.Summary);
        Assert.Contains("leaked into a reason", log);
        Assert.Contains("leaked into a reason", audit);
        Assert.Contains("leaked into a reason", summary);
        Assert.DoesNotContain(canary, log);
        Assert.DoesNotContain(canary, audit);
        Assert.DoesNotContain(canary, summary);
    }

    [Fact]
    public async Task An_unknown_target_exits_2_naming_it()
    {
        var exit = await _host.RunAsync(null, null, "--target=unretrie");

        Assert.Equal(2, exit);
        Assert.Contains("The target 'unretrie' was not found", _host.Console.Text);
    }

    [Fact]
    public async Task A_broken_jobs_file_exits_2_with_file_line_and_column()
    {
        File.WriteAllText(_host.JobsFile, "jobs:\n  unretire:\n    task: unretire\n    shedule: \"0 * * * *\"\n");

        var exit = await _host.RunAsync(null, null, "--target=all", "--env=sandbox");

        Assert.Equal(2, exit);
        Assert.Contains($"{_host.JobsFile}:4:5: unknown key 'shedule'", _host.Console.Text);
    }

    [Fact]
    public async Task The_relay_refuses_the_sandbox_which_has_no_github_to_dispatch_to()
    {
        var exit = await _host.RunAsync(null, null, "--target=relay", "--env=sandbox");

        Assert.Equal(2, exit);
        Assert.Contains("the sandbox has no GitHub to dispatch to", _host.Console.Text);
    }

    [Fact]
    public async Task An_unknown_environment_exits_2()
    {
        var exit = await _host.RunAsync(null, null, "--target=services", "--env=prod");

        Assert.Equal(2, exit);
        Assert.Contains("unknown environment 'prod'", _host.Console.Text);
    }

    [Fact]
    public async Task Tree_lists_the_tasks_without_running_them()
    {
        var counter = new Counter();
        var factory = new ScriptedJobFactory("unretire", _ => TwoTickets(counter));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--tree");

        Assert.Equal(0, exit);
        Assert.Contains("unretire", _host.Console.Text);
        Assert.Empty(factory.Requests);
    }

    [Fact]
    public async Task Dryrun_runs_no_task_body()
    {
        var factory = new ScriptedJobFactory("unretire", _ => throw new InvalidOperationException("must not plan"));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--dryrun");

        Assert.Equal(0, exit);
        Assert.Empty(factory.Requests);
    }

    [Fact]
    public async Task Job_selects_one_jobs_yaml_entry_and_ticket_narrows_it()
    {
        var factory = new ScriptedJobFactory("unretire", r => new Plan(r.JobName, []));

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--job=unretire", "--ticket=12345");

        Assert.Equal(0, exit);
        var request = Assert.Single(factory.Requests);
        Assert.Equal(12345, request.Ticket);
        Assert.Equal("report", request.Parameters.Text("phase"));
    }

    [Fact]
    public async Task Services_reports_each_sandbox_service_and_which_credentials_are_present()
    {
        var exit = await _host.RunAsync(null, HostFixture.CredentialsWith("canary-token-0000"), "--target=services", "--env=sandbox");

        Assert.Equal(0, exit);
        foreach (var service in Releng.Jobs.Services.ServiceName.All)
        {
            Assert.Matches($@"{service}\s+answers", _host.Console.Text);
        }
        Assert.Matches(@"PAGURE_TOKEN\s+present", _host.Console.Text);
        Assert.Matches(@"BUGZILLA_API_KEY\s+absent", _host.Console.Text);
        Assert.DoesNotContain("canary-token-0000", _host.Console.Text);
    }

    [Fact]
    public async Task Apply_writes_through_the_sandbox_fakes_and_a_later_run_sees_it()
    {
        File.WriteAllText(_host.Scenario, """
            clock: 2026-11-24T12:00:00Z
            pagure:
              projects:
                releng:
                  issues: [ { id: 7, title: "Unretire rpms/foo", author: jdoe } ]
            """);
        var seen = new List<int>();
        var commenting = new TrackerJobFactory(seen);

        Assert.Equal(0, await _host.RunAsync(commenting, null, "--target=unretire", "--env=sandbox"));
        Assert.Equal(0, await _host.RunAsync(commenting, null, "--target=unretire", "--env=sandbox", "--apply"));
        Assert.Equal(0, await _host.RunAsync(commenting, null, "--target=unretire", "--env=sandbox", "--apply"));

        // Plan-only saw no comment, the first apply wrote one, the next run (a new host) read it back and wrote nothing.
        Assert.Equal([0, 0, 1], seen);
        var statuses = _host.AuditLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("status", out _)).Select(l => l.GetProperty("status").GetString()).ToList();
        Assert.Equal(["done"], statuses);
    }

    /// <summary>A job that comments once on releng#7 through the real ticket client.</summary>
    private sealed class TrackerJobFactory(List<int> seen) : IJobFactory
    {
        public string Task => "unretire";

        public IJob Create(JobRequest request, IServiceProvider services) =>
            new TrackerJob(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Releng.Jobs.Tickets.ITicketTracker>(services), seen);
    }

    private sealed class TrackerJob(Releng.Jobs.Tickets.ITicketTracker tracker, List<int> seen) : IJob
    {
        public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
        {
            var ticket = await tracker.GetTicketAsync("releng", 7, cancellationToken);
            var comments = ticket!.Comments.Count(c => c.Text == "hello from the job");
            seen.Add(comments);
            Step[] steps = comments > 0 ? [] : [new Step("comment", async ct =>
            {
                await tracker.CommentAsync("releng", 7, "hello from the job", ct);
                return StepResult.Done();
            })];
            return new Plan("unretire", [new Decision("releng#7", comments > 0 ? "nothing-to-do" : "comment", "test", [], steps)]);
        }
    }

    [Fact]
    public async Task Description_lists_every_task_with_its_description()
    {
        var exit = await _host.RunAsync(null, null, "--description");

        Assert.Equal(0, exit);
        var text = _host.AnsiOutput.ToString();
        foreach (var task in new[] { "unretire", "scm-requests", "base-image-rebuild", "base-image-push", "services", "workflows", "scheduler", "dispatch", "history", "relay", "test", "bench", "all" })
        {
            Assert.Contains(task, text);
        }
        Assert.Contains("Unretirement tickets", text);
    }

    [Fact]
    public async Task A_ticket_url_from_a_webhook_selects_that_ticket_of_the_jobs_tracker()
    {
        var factory = new ScriptedJobFactory("unretire", r => new Plan(r.JobName, []));
        UseFedoraServices();

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--job=unretire", "--env=fedora",
            "--ticket-url=https://pagure.io/releng/issue/4321");

        Assert.Equal(0, exit);
        Assert.Equal(4321, Assert.Single(factory.Requests).Ticket);
    }

    [Fact]
    public async Task A_ticket_url_of_another_tracker_is_refused_with_exit_2()
    {
        var factory = new ScriptedJobFactory("unretire", r => new Plan(r.JobName, []));

        UseFedoraServices();

        var exit = await _host.RunAsync(factory, null, "--target=unretire", "--job=unretire", "--env=fedora",
            "--ticket-url=https://pagure.io.evil.example/releng/issue/1");

        Assert.Equal(2, exit);
        Assert.Empty(factory.Requests);
    }

    /// <summary>Real addresses; the scripted jobs never call them.</summary>
    private void UseFedoraServices() => File.WriteAllText(_host.JobsFile, """
        services:
          fedora: { pagure: "https://pagure.io/", distgit: "https://src.fedoraproject.org/", koji: "https://koji.fedoraproject.org/kojihub",
                    bugzilla: "https://bugzilla.redhat.com/", bodhi: "https://bodhi.fedoraproject.org/" }
        jobs:
          unretire:
            task: unretire
            with: { tracker: releng, phase: report }
        """);
}

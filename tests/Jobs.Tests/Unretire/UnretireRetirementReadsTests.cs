using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>
/// How the plan finds the commit that retired a branch: through dist-git's API when the retirement is the head (no
/// git process at all), and with a shallow clone only where the API cannot tell; the decisions are the same either way.
/// </summary>
public sealed class UnretireRetirementReadsTests
{
    private const string Story = """
        clock: 2026-11-24T12:00:00Z
        people:
          releng-bot: { groups: [releng] }
          jdoe: {}
        pagure:
          projects:
            releng:
              close_statuses: [Fixed, Invalid]
              issues:
                - { id: 1, title: "Unretire rpms/recent", author: jdoe, days_ago: 1, body: "Branches: rawhide" }
                - { id: 2, title: "Unretire rpms/touched", author: jdoe, days_ago: 1, body: "Branches: rawhide" }
                - { id: 3, title: "Unretire rpms/ancient", author: jdoe, days_ago: 1, body: "Branches: rawhide" }
                - { id: 4, title: "Unretire rpms/twins", author: jdoe, days_ago: 1, body: "Branches: rawhide f43" }
        distgit:
          rpms/recent:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired by mistake", days_ago: 21 }
          rpms/touched:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 500 }
                - { retire: "Retired: fails to build from source", days_ago: 20 }
                - { message: "Touch after retirement", days_ago: 3, files: { README: "note" } }
          rpms/ancient:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired: unmaintained", days_ago: 70 }
          rpms/twins:
            owner: jdoe
            branches:
              rawhide:
                - { message: "Initial import", days_ago: 900 }
                - { retire: "Retired: orphaned", days_ago: 10 }
              f43: same-as rawhide
        koji:
          tags:
            f43: { packages: { twins: { blocked: true } } }
            f44:
              packages:
                twins: { blocked: true }
                recent: { blocked: true }
                touched: { blocked: true }
                ancient: { blocked: true }
        """;

    private static TestSandbox Start(params IFakeBehaviour[] behaviours) =>
        TestSandbox.FromYaml(Story, new TestSandboxOptions { ScenarioClock = true, StandIns = true, Behaviours = behaviours });

    /// <summary>Plans one ticket with a git client that records every git command it runs.</summary>
    private static async Task<(Decision Decision, IReadOnlyList<string> GitCommands)> PlanAsync(TestSandbox sandbox, int ticket)
    {
        var commands = new ConcurrentQueue<string>();
        var git = new GitClient(sandbox.Services.GetRequiredService<GitClientOptions>() with { TempRoot = sandbox.TempRoot, Log = commands.Enqueue });
        var job = sandbox.Job("unretire", new Dictionary<string, object?> { ["phase"] = "recent" }, ticket, new WithGit(sandbox.Services, git));
        var plan = await job.PlanAsync(CancellationToken.None);
        return (Assert.Single(plan.Decisions, d => d.Subject == $"releng#{ticket}"), commands.ToList());
    }

    [Fact]
    public async Task A_retirement_at_the_branch_head_is_read_through_the_API_without_any_git_process()
    {
        await using var sandbox = Start();
        var head = await sandbox.HeadAsync("rpms/recent", "rawhide");

        var (decision, git) = await PlanAsync(sandbox, 1);

        Assert.Empty(git);
        Assert.Equal("process", decision.Action);
        Assert.Contains(decision.Evidence, e => e.Fact == "rawhide retired" && e.Value == "21 days ago (2026-11-03)");
        Assert.Contains(sandbox.Requests(Services.ServiceName.DistGit), r => r.RequestMessage.Path == $"/rpms/recent/c/{head}.patch");
    }

    [Fact]
    public async Task Branches_retired_by_the_same_head_commit_ask_the_API_about_it_once()
    {
        await using var sandbox = Start();
        var head = await sandbox.HeadAsync("rpms/twins", "rawhide");
        Assert.Equal(head, await sandbox.HeadAsync("rpms/twins", "f43"));

        var (decision, git) = await PlanAsync(sandbox, 4);

        Assert.Empty(git);
        Assert.Contains(decision.Evidence, e => e.Fact == "rawhide retired" && e.Value.StartsWith("10 days ago", StringComparison.Ordinal));
        Assert.Contains(decision.Evidence, e => e.Fact == "f43 retired" && e.Value.StartsWith("10 days ago", StringComparison.Ordinal));
        Assert.Equal("process", decision.Action);
        Assert.Single(sandbox.Requests(Services.ServiceName.DistGit), r => r.RequestMessage.Path == $"/rpms/twins/c/{head}.patch");
    }

    [Fact]
    public async Task A_retirement_older_than_the_head_falls_back_to_a_shallow_clone_and_is_refused_as_before()
    {
        await using var sandbox = Start();

        var (decision, git) = await PlanAsync(sandbox, 2);

        Assert.Contains(git, c => c.StartsWith("git clone", StringComparison.Ordinal) && c.Contains("--depth=2", StringComparison.Ordinal));
        Assert.Equal("refuse", decision.Action);
    }

    [Fact]
    public async Task A_retirement_past_eight_weeks_read_through_the_API_still_needs_a_re_review()
    {
        await using var sandbox = Start();

        var (decision, git) = await PlanAsync(sandbox, 3);

        Assert.Empty(git);
        Assert.Contains(decision.Evidence, e => e.Fact == "rawhide retired" && e.Value.StartsWith("70 days ago", StringComparison.Ordinal));
        Assert.NotEqual("process", decision.Action);
    }

    [Fact]
    public async Task A_server_without_the_commit_endpoint_gets_the_same_decision_from_a_shallow_clone()
    {
        await using var withApi = Start();
        await using var without = Start(new NoCommitEndpoint());

        var (viaApi, apiGit) = await PlanAsync(withApi, 1);
        var (viaClone, cloneGit) = await PlanAsync(without, 1);

        Assert.Empty(apiGit);
        Assert.Contains(cloneGit, c => c.StartsWith("git clone", StringComparison.Ordinal));
        Assert.Equal(viaApi.Action, viaClone.Action);
        // The ticket URLs differ (two sandboxes); what was found about the branch does not.
        Assert.Equal(viaApi.Evidence.Where(e => e.Fact is "rawhide retired" or "verdict"), viaClone.Evidence.Where(e => e.Fact is "rawhide retired" or "verdict"));
        Assert.Contains(viaApi.Evidence, e => e.Fact == "rawhide retired");
    }

    /// <summary>A server that cannot show the commit: a 404 page for <c>/c/{hash}.patch</c>.</summary>
    private sealed class NoCommitEndpoint : IFakeBehaviour
    {
        public async Task<bool> BeforeAnswerAsync(string service, HttpContext context, CancellationToken cancellationToken)
        {
            if (service != Services.ServiceName.DistGit || !context.Request.Path.Value!.EndsWith(".patch", StringComparison.Ordinal))
            {
                return false;
            }
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!DOCTYPE html><title>404 Not Found</title>", cancellationToken);
            return true;
        }
    }

    private sealed class WithGit(IServiceProvider inner, GitClient git) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(GitClient) ? git : inner.GetService(serviceType);
    }
}

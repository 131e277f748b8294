using Releng.Jobs.GitHub;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.GitHub;

public sealed class RunHistoryTests : IDisposable
{
    private static readonly GitHubRepository Repository = new(GitHubRunsSample.Owner, GitHubRunsSample.Repo);
    private readonly WireMockServer _github = WireMockServer.Start();

    public RunHistoryTests() =>
        _github.Given(Request.Create().WithPath(RunsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json; charset=utf-8")
                .WithBody(GitHubRunsSample.RunsPage()));

    public void Dispose() => _github.Stop();

    private static string RunsPath => $"/repos/{GitHubRunsSample.Owner}/{GitHubRunsSample.Repo}/actions/workflows/unretire.yml/runs";

    private RunHistory History() => new(GitHubClientFactory.Create(new Uri(_github.Urls[0]), "fake-github-token-history"));

    [Fact]
    public async Task Runs_are_read_with_event_result_actor_time_and_link_newest_first()
    {
        var runs = await History().ListAsync(Repository, "unretire", count: 10);

        Assert.Equal([412L, 411L, 410L], runs.Select(r => r.RunNumber));
        Assert.Equal(["workflow_dispatch", "repository_dispatch", "schedule"], runs.Select(r => r.Event));
        Assert.Equal([null, "failure", "success"], runs.Select(r => r.Conclusion));
        Assert.Equal("in_progress", runs[0].Status);
        Assert.Equal(["jdoe", "releng-bot", "asmith"], runs.Select(r => r.Actor));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 23, 47, TimeSpan.Zero), runs[2].CreatedAt);
        Assert.Equal($"https://github.com/{GitHubRunsSample.Owner}/{GitHubRunsSample.Repo}/actions/runs/14200000002", runs[1].HtmlUrl);
        Assert.Equal(14200000001, runs[2].Id);
    }

    [Fact]
    public async Task One_page_of_the_requested_size_is_asked_for_with_the_event_filter()
    {
        await History().ListAsync(Repository, "unretire", count: 5, eventName: "schedule");

        var request = Assert.Single(_github.LogEntries).RequestMessage!;
        Assert.Equal(RunsPath, request.Path);
        Assert.Equal("5", request.Query!["per_page"].Single());
        Assert.Equal("schedule", request.Query!["event"].Single());
    }

    [Fact]
    public async Task The_table_shows_one_line_per_run_with_its_result_or_status()
    {
        var table = RunHistory.Format(await History().ListAsync(Repository, "unretire"));

        var lines = table.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("run ", lines[0]);
        Assert.Contains("in_progress", lines[1]);
        Assert.Contains("2026-11-24 12:40Z", lines[2]);
        Assert.Contains("failure", lines[2]);
        Assert.EndsWith("/actions/runs/14200000001", lines[3]);
    }

    [Fact]
    public async Task An_enterprise_base_url_keeps_its_api_path()
    {
        _github.Given(Request.Create().WithPath($"/api/v3/repos/{GitHubRunsSample.Owner}/{GitHubRunsSample.Repo}/actions/workflows/unretire.yml/runs").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(GitHubRunsSample.RunsPage()));
        var enterprise = new RunHistory(GitHubClientFactory.Create(new Uri($"{_github.Urls[0]}/api/v3"), "fake-github-token-history"));

        Assert.Equal(3, (await enterprise.ListAsync(Repository, "unretire")).Count);
    }

    [Fact]
    public async Task A_job_without_a_workflow_on_github_is_reported_by_name()
    {
        var error = await Assert.ThrowsAsync<GitHubException>(() => History().ListAsync(Repository, "scm-requests"));

        Assert.Contains("scm-requests.yml", error.Message);
    }
}

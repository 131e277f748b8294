using System.Text.Json;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using static Releng.Jobs.Tests.Pagure.PagureStories;

namespace Releng.Jobs.Tests.Pagure;

/// <summary>
/// The fake answers in the shapes the real server sent (Samples/pagure): same keys, same JSON kinds, same error bodies.
/// A world like the one behind the samples is rebuilt and the same calls are made.
/// </summary>
public sealed class PagureFakeFidelityTests : IDisposable
{
    private readonly TestSandbox _pagure;
    private readonly HttpClient _http = new();

    public PagureFakeFidelityTests()
    {
        var first = new PagureScenario.Issue
        {
            Id = 1, Title = "Compose failed for F42", Author = "admin", Body = "The nightly compose failed.\n\nSee logs.",
            Tags = ["compose", "f42"], Priority = 1, Milestone = "F42", DaysAgo = 1, Status = "Closed", CloseStatus = "Fixed",
            Comments = [new() { Author = "admin", Body = "Looking into it.", DaysAgo = 0.5 }],
        };
        var scenario = RelengProjects(first, Issue(2, author: "admin"), Issue(3, author: "alice", tags: "meeting"),
            Issue(4), Issue(5), Issue(6));
        scenario.Bot = "admin";
        _pagure = PagureStories.Start(scenario, people: new()
        {
            ["admin"] = new PersonScenario { Fullname = "Admin Spike" },
        });
        _http.BaseAddress = new Uri(_pagure.Server(ServiceName.Pagure).Url!);
    }

    public void Dispose()
    {
        _http.Dispose();
        _pagure.Dispose();
    }

    [Theory]
    [InlineData("GET", "/api/0/-/version", null, false, 200, "version.json")]
    [InlineData("GET", "/api/0/releng", null, false, 200, "project_releng.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&per_page=2&page=1", null, false, 200, "issues_page1.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&per_page=2&page=3", null, false, 200, "issues_page3.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&per_page=2&page=99", null, false, 200, "issues_page99.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&tags=compose&tags=meeting", null, false, 200, "issues_tags_two_params.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&tags=compose,meeting", null, false, 200, "issues_tags_comma.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&since=1700000000", null, false, 200, "issues_since_ts.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&since=2020-01-01", null, false, 200, "issues_since_date.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&since=4000000000", null, false, 200, "issues_since_future.json")]
    [InlineData("GET", "/api/0/releng/issues?status=Open&since=yesterday", null, false, 400, "issues_since_bad.json")]
    [InlineData("GET", "/api/0/releng/issues?per_page=101", null, false, 400, "issues_err_perpage101.json")]
    [InlineData("GET", "/api/0/releng/issues?page=0", null, false, 400, "issues_err_page0.json")]
    [InlineData("GET", "/api/0/releng/issue/1", null, false, 200, "issue_1_after.json")]
    [InlineData("GET", "/api/0/releng/issue/999", null, false, 404, "issue_err_999.json")]
    [InlineData("POST", "/api/0/releng/issue/1/comment", "comment=%2B1", true, 200, "comment_1.json")]
    [InlineData("POST", "/api/0/releng/issue/1/comment", "comment=", true, 400, "comment_err_empty.json")]
    [InlineData("POST", "/api/0/releng/issue/999/comment", "comment=x", true, 404, "comment_err_noissue.json")]
    [InlineData("POST", "/api/0/releng/issue/1/comment", "comment=x", false, 401, "new_issue_err_noauth.json")]
    [InlineData("POST", "/api/0/releng/issue/2/status", "status=Closed&close_status=Fixed", true, 200, "status_close_1.json")]
    [InlineData("POST", "/api/0/releng/issue/2/status", "status=Closed&close_status=Bogus", true, 400, "status_err_badclose.json")]
    [InlineData("POST", "/api/0/releng/issue/2/status", "status=Weird", true, 400, "status_err_badstatus.json")]
    [InlineData("POST", "/api/0/nonexistent/issue/1/comment", "comment=x", true, 404, "new_issue_err_noproject.json")]
    public async Task Fake_answers_in_the_samples_shape(string method, string path, string? form, bool withToken, int status, string sample)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (form is not null)
        {
            request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        if (withToken)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "token " + Token);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(Shape(Samples.Text(sample)), Shape(body));
    }

    [Fact]
    public async Task Bearer_is_refused_like_a_missing_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/0/releng/issue/1/comment")
        {
            Content = new StringContent("comment=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);

        using var response = await _http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(
            Samples.Text("new_issue_err_bearer.json").Replace("http://127.0.0.1:5111/", _pagure.Server(ServiceName.Pagure).Url + "/"),
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pagination_links_keep_only_the_first_of_repeated_tags()
    {
        var body = await _http.GetStringAsync("/api/0/releng/issues?status=Open&tags=compose&tags=meeting");

        using var document = JsonDocument.Parse(body);
        Assert.Equal($"{_pagure.Server(ServiceName.Pagure).Url}/api/0/releng/issues?per_page=20&status=Open&tags=compose&page=1",
            document.RootElement.GetProperty("pagination").GetProperty("first").GetString());
        Assert.Equal(1700000000.0m, JsonDocument.Parse(await _http.GetStringAsync("/api/0/releng/issues?since=1700000000"))
            .RootElement.GetProperty("args").GetProperty("since").GetDecimal());
    }

    /// <summary>The JSON's structure: every key path with the kind of its value (arrays by their first item).</summary>
    private static string Shape(string json)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    lines.Add($"{path}: object");
                    foreach (var property in element.EnumerateObject())
                    {
                        // Maps keyed by data, not schema.
                        if (path.EndsWith(".milestones", StringComparison.Ordinal) || path.EndsWith(".priorities", StringComparison.Ordinal))
                        {
                            lines.Add($"{path}.*: {property.Value.ValueKind}");
                            continue;
                        }
                        Walk(property.Value, $"{path}.{property.Name}");
                    }
                    break;
                case JsonValueKind.Array:
                    lines.Add($"{path}: array");
                    break;
                case JsonValueKind.Null:
                    lines.Add($"{path}: null-or-value");
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    lines.Add($"{path}: bool");
                    break;
                default:
                    lines.Add($"{path}: {element.ValueKind}");
                    break;
            }
        }
        Walk(JsonDocument.Parse(json).RootElement, "$");
        return string.Join("\n", lines);
    }
}

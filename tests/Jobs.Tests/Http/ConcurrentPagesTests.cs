using Microsoft.AspNetCore.Http;
using Releng.Jobs.Forgejo;
using Releng.Jobs.Pagure;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Tests.Forgejo;
using Releng.Jobs.Tests.Pagure;

namespace Releng.Jobs.Tests.Http;

/// <summary>
/// Ticket lists read every page after the first at once, once the first has said how many there are: the fake holds
/// page 2 until page 3 has been asked for, which a client reading one page after another never does (the hold then
/// times out and the test fails instead of hanging).
/// </summary>
public sealed class ConcurrentPagesTests
{
    [Fact]
    public async Task Pagure_pages_after_the_first_are_requested_together()
    {
        var gate = new PageTwoWaitsForPageThree("/api/0/releng/issues");
        var issues = Enumerable.Range(1, 7).Select(id => PagureStories.Issue(id, daysAgo: 10 - id)).ToArray();
        using var pagure = PagureStories.Start(PagureStories.RelengProjects(issues), behaviours: [gate]);

        var all = await pagure.PagureApi.ListAllIssuesAsync("releng", new PagureIssueFilter { PerPage = 2 });

        Assert.True(gate.PageThreeCameWhilePageTwoWaited, "page 3 was asked for only after page 2 was answered");
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], all.Select(issue => issue.Id).Order());
    }

    [Fact]
    public async Task Forgejo_pages_after_the_first_are_requested_together_once_X_Total_Count_is_known_and_come_back_in_order()
    {
        var gate = new PageTwoWaitsForPageThree(ForgejoTestServer.ScmIssues);
        var issues = Enumerable.Range(1, 7).Select(n => ForgejoTestServer.Issue(n, daysAgo: 10 - n)).ToArray();
        using var forge = new ForgejoTestServer(ForgejoTestServer.ForgeTrackers(issues), behaviours: [gate]);

        var all = await forge.Api.ListAllIssuesAsync("releng", "fedora-scm-requests", new ForgejoIssueFilter { Sort = "oldest" }, pageSize: 2);

        Assert.True(gate.PageThreeCameWhilePageTwoWaited, "page 3 was asked for only after page 2 was answered");
        Assert.Equal(Enumerable.Range(1, 7), all.Select(issue => issue.Number));
        // 7 issues in pages of 2: 4 pages and no more, the last one short.
        Assert.Equal(4, forge.RequestsTo("GET", ForgejoTestServer.ScmIssues).Count);
    }

    [Fact]
    public async Task Forgejo_without_X_Total_Count_is_read_one_page_after_another_until_a_short_page()
    {
        using var forge = new ForgejoTestServer(
            ForgejoTestServer.ForgeTrackers(Enumerable.Range(1, 5).Select(n => ForgejoTestServer.Issue(n, daysAgo: 10 - n)).ToArray()),
            behaviours: [new WithoutTotalCount()]);

        var all = await forge.Api.ListAllIssuesAsync("releng", "fedora-scm-requests", new ForgejoIssueFilter { Sort = "oldest" }, pageSize: 2);

        Assert.Equal(Enumerable.Range(1, 5), all.Select(issue => issue.Number));
    }

    /// <summary>Holds the answer to page 2 of one list until page 3 of it is asked for, or 20 s have passed.</summary>
    private sealed class PageTwoWaitsForPageThree(string path) : IFakeBehaviour
    {
        private readonly TaskCompletionSource _pageThree = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool PageThreeCameWhilePageTwoWaited { get; private set; }

        public async Task<bool> BeforeAnswerAsync(string service, HttpContext context, CancellationToken cancellationToken)
        {
            if (context.Request.Path != path)
            {
                return false;
            }
            var page = context.Request.Query["page"].ToString();
            if (page == "3")
            {
                _pageThree.TrySetResult();
            }
            else if (page == "2" && !_pageThree.Task.IsCompleted)
            {
                try
                {
                    await _pageThree.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
                    PageThreeCameWhilePageTwoWaited = true;
                }
                catch (TimeoutException)
                {
                    // answered late: the client waited for it before asking for page 3
                }
            }
            else if (page == "2")
            {
                PageThreeCameWhilePageTwoWaited = true;
            }
            return false;
        }
    }

    /// <summary>A server (or proxy) that drops <c>X-Total-Count</c>.</summary>
    private sealed class WithoutTotalCount : IFakeBehaviour
    {
        public Task<bool> BeforeAnswerAsync(string service, HttpContext context, CancellationToken cancellationToken)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Remove("X-Total-Count");
                return Task.CompletedTask;
            });
            return Task.FromResult(false);
        }
    }
}

using System.Reflection;
using Releng.Jobs.Forgejo;
using Releng.Jobs.Sandbox.Scenarios;
using static Releng.Jobs.Tests.Forgejo.ForgejoTestServer;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>
/// Every response the Forgejo fake sends on the client's routes, successes and errors alike, is what Forgejo's own
/// OpenAPI description says (made stricter: see <see cref="ForgejoOpenApiSpec"/>). A fake kinder than the service
/// hides bugs; one that drifts from the spec would hide them too.
/// </summary>
public sealed class ForgejoFakeSpecTests
{
    private static readonly ForgejoOpenApiSpec Spec = ForgejoOpenApiSpec.Load();

    /// <summary>The routes <see cref="IForgejoApi"/> calls, read from its Refit attributes.</summary>
    private static IReadOnlyList<(string Method, string Path)> ClientRoutes() =>
        typeof(IForgejoApi).GetMethods()
            .Select(method => method.GetCustomAttribute<Refit.HttpMethodAttribute>()!)
            .Select(route => (route.Method.Method, route.Path[Spec.BasePath.Length..]))
            .ToList();

    [Fact]
    public void Every_client_route_is_an_operation_of_the_spec()
    {
        foreach (var (method, path) in ClientRoutes())
        {
            Assert.True(Spec.Operation(path, method) is not null, $"{method} {path} is not in swagger-v1.json");
        }
    }

    [Fact]
    public async Task Every_response_of_a_full_client_session_matches_the_spec()
    {
        var scenario = ForgeTrackers(Issue(1, labels: "epel"), Issue(2), Issue(3), Issue(4));
        scenario.MaxResponseItems = 2;
        scenario.TimeZone = "+02:00";
        var pull = Issue(9);
        pull.PullRequest = true;
        var migrated = Issue(5, author: "jdoe");
        migrated.Migrated = true;
        migrated.Assignees = ["alice"];
        migrated.Comments = [new() { Author = "jdoe", Migrated = true, Body = "from Pagure", DaysAgo = 0.5 }, new() { Author = "alice", Body = "hi", DaysAgo = 0.2 }];
        scenario.Repos[ScmRepo].Issues.AddRange([pull, migrated]);
        scenario.Repos["alice/private"] = new ForgejoScenario.Repo { Private = true, Issues = [Issue(1)] };
        using var forge = new ForgejoTestServer(scenario);
        using var mallory = new ForgejoTestServer(scenario, token: "mallory-token");

        await Session(forge);
        await Assert.ThrowsAsync<ForgejoException>(() => mallory.Tracker.CloseAsync(ScmRepo, 2, "Invalid"));
        await Assert.ThrowsAsync<ForgejoException>(() => mallory.Api.EditIssueAsync("releng", "fedora-scm-requests", 2, new ForgejoEditIssueForm { State = "closed" }));
        await Assert.ThrowsAsync<ForgejoException>(() => mallory.Api.ReadIssuePageAsync("alice", "private", new ForgejoIssueFilter(), 1, 30));
        await Assert.ThrowsAsync<ForgejoException>(() => forge.Api.ListOrgLabelsAsync("nobody"));

        var entries = forge.Requests.Concat(mallory.Requests).ToList();
        var problems = entries.SelectMany(entry => Spec.Check(
            entry.RequestMessage.Method,
            new Uri(entry.RequestMessage.AbsoluteUrl).AbsolutePath,
            (int)entry.ResponseMessage.StatusCode!,
            entry.ResponseMessage.BodyData?.BodyAsString,
            name => ResponseHeader(entry, name))).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));

        var answered = entries
            .Select(entry => (entry.RequestMessage.Method, Template: Spec.TemplateOf(entry.RequestMessage.Method, new Uri(entry.RequestMessage.AbsoluteUrl).AbsolutePath),
                Status: (int)entry.ResponseMessage.StatusCode!))
            .ToList();
        foreach (var (method, path) in ClientRoutes())
        {
            Assert.Contains(answered, seen => seen.Method == method && seen.Template == path);
        }
        foreach (var status in new[] { 200, 201, 403, 404 })
        {
            Assert.Contains(answered, seen => seen.Status == status);
        }
    }

    [Fact]
    public void The_stricter_spec_refuses_what_a_careless_fake_would_send()
    {
        // Checks the checker: a missing field, an unknown one, a wrong type and an unlisted null each count.
        const string path = "/api/v1/repos/releng/tickets/labels/1";
        const string label = """{"id":1,"name":"x","exclusive":false,"is_archived":false,"color":"ff0000","description":"","url":"u"}""";

        Assert.Empty(Spec.Check("GET", path, 200, label, _ => null));
        Assert.NotEmpty(Spec.Check("GET", path, 200, label.Replace("\"url\":\"u\"", "\"uri\":\"u\""), _ => null));
        Assert.NotEmpty(Spec.Check("GET", path, 200, label.Replace("\"id\":1", "\"id\":\"1\""), _ => null));
        Assert.NotEmpty(Spec.Check("GET", path, 200, label.Replace("\"name\":\"x\"", "\"name\":null"), _ => null));
        Assert.NotEmpty(Spec.Check("GET", "/api/v1/repos/releng/tickets/labels", 200, "[" + label + "]", _ => null));
        Assert.NotEmpty(Spec.Check("GET", path, 418, label, _ => null));
    }

    private static async Task Session(ForgejoTestServer forge)
    {
        var tracker = forge.Tracker;
        await forge.Api.GetVersionAsync();
        await tracker.WhoAmIAsync();
        await tracker.ListOpenTicketsAsync(ScmRepo);
        await tracker.ListOpenTicketsAsync("releng/tickets");
        await tracker.GetTicketAsync(ScmRepo, 5);
        await tracker.GetTicketAsync(ScmRepo, 404);
        await tracker.GetTicketAsync(ScmRepo, 9);
        await tracker.CommentAsync(ScmRepo, 5, "Processed.\n\n<!-- releng-jobs:scm v1 -->");
        await tracker.AssignAsync(ScmRepo, 1, "alice");
        await tracker.AssignAsync(ScmRepo, 1, null);
        await tracker.CloseAsync(ScmRepo, 1, "Processed");
        await tracker.CloseAsync(ScmRepo, 3, "Denied");
        await tracker.GetTicketAsync(ScmRepo, 1);
    }
}

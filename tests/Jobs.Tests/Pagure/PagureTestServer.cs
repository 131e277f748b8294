using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using Releng.Jobs.Pagure;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Pagure;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;
using WireMock.Logging;
using WireMock.Server;

namespace Releng.Jobs.Tests.Pagure;

/// <summary>The fake Pagure on a loopback port, and the real client wired to it through DI, as the jobs get it.</summary>
internal sealed class PagureTestServer : IDisposable
{
    public const string Token = "test-token-value";
    /// <summary>A token scoped to the releng project, acting as the bot: what editing an issue needs.</summary>
    public const string RelengProjectToken = "releng-project-token";

    private readonly ServiceProvider _provider;

    public PagureTestServer(PagureScenario scenario, string? token = Token, Dictionary<string, PersonScenario>? people = null)
    {
        var clock = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        World = new SandboxWorld
        {
            Clock = clock,
            People = people ?? [],
            Pagure = PagureWorld.Seed(new Scenario { Clock = clock, Pagure = scenario }, new SandboxPaths(Path.GetTempPath())),
        };
        Server = WireMockServer.Start();
        new PagureFake(World).Map(Server);
        var endpoints = new ServiceEndpoints(
            Pagure: new Uri(Server.Url! + "/"), DistGit: new Uri("http://127.0.0.1:1/"), DistGitGit: new Uri("file:///tmp/"),
            Koji: new Uri("http://127.0.0.1:1/kojihub"), Bugzilla: new Uri("http://127.0.0.1:1/"), Bodhi: new Uri("http://127.0.0.1:1/"));
        var credentials = new Credentials(token, null, null, null, null, null, null, null, null);
        var http = new HttpSettings { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 };
        _provider = new ServiceCollection().AddPagure(endpoints, credentials, http).BuildServiceProvider();
    }

    public SandboxWorld World { get; }
    public WireMockServer Server { get; }
    public IPagureTicketsApi Api => _provider.GetRequiredService<IPagureTicketsApi>();
    public ITicketTracker Tracker => _provider.GetRequiredService<ITicketTracker>();
    public Releng.Jobs.Http.RequestCounter Counter => _provider.GetRequiredService<Releng.Jobs.Http.RequestCounter>();

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public IReadOnlyList<ILogEntry> RequestsTo(string method, string path) =>
        Requests.Where(entry => entry.RequestMessage.Method == method && entry.RequestMessage.Path == path).ToList();

    public static string Query(ILogEntry entry) => new Uri(entry.RequestMessage.AbsoluteUrl).Query;

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    public void Dispose()
    {
        _provider.Dispose();
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>A project like the one behind the samples: releng with its close statuses, and the SCM queue.</summary>
    public static PagureScenario RelengProjects(params PagureScenario.Issue[] issues) => new()
    {
        Tokens = { ["alice-token"] = "alice" },
        ProjectTokens = { [RelengProjectToken] = "releng" },
        Projects =
        {
            ["releng"] = new PagureScenario.Project
            {
                Description = "Release Engineering",
                Owner = "admin",
                CloseStatuses = ["Fixed", "Invalid", "Duplicate", "Insufficient data", "Upstream", "Can't Fix"],
                Milestones = ["F41", "F42"],
                CustomFields = { ["review"] = "link" },
                Issues = [.. issues],
            },
            ["releng/fedora-scm-requests"] = new PagureScenario.Project
            {
                CloseStatuses = ["Processed", "Invalid", "Denied"],
                Issues = [new PagureScenario.Issue { Id = 70001, Title = "New Repo for \"rpms/foo\"", Author = "jdoe", Body = "{}" }],
            },
        },
    };

    public static PagureScenario.Issue Issue(int id, string author = "jdoe", double daysAgo = 1, params string[] tags) =>
        new() { Id = id, Title = $"Ticket {id}", Author = author, Body = $"Body of {id}", DaysAgo = daysAgo, Tags = [.. tags] };

    public static HttpStatusCode StatusOf(ILogEntry entry) => (HttpStatusCode)(int)entry.ResponseMessage.StatusCode!;
}

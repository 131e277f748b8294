using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Forgejo;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using WireMock.Logging;
using WireMock.Server;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>
/// The fake Fedora Forge for the Forgejo client's tests: the shared <see cref="TestSandbox"/> with only the Forge fake,
/// and the real client wired to it through DI, as the jobs get it.
/// </summary>
internal sealed class ForgejoTestServer : IDisposable
{
    public const string Token = "forge-test-token";

    private readonly TestSandbox _sandbox;
    private readonly ServiceProvider _provider;

    public ForgejoTestServer(ForgejoScenario scenario, string? token = Token, Func<ForgejoTrackerSettings, ForgejoTrackerSettings>? configure = null,
        IReadOnlyList<IFakeBehaviour>? behaviours = null)
    {
        _sandbox = TestSandbox.From(new Scenario { Clock = TestSandbox.DefaultClock, Forge = scenario },
            new TestSandboxOptions { Fakes = [ServiceName.Forge], Behaviours = behaviours ?? [] });
        var settings = new ForgejoTrackerSettings(new Uri(Root));
        settings = configure?.Invoke(settings) ?? settings;
        var http = new HttpOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 };
        _provider = new ServiceCollection().AddForgejo(settings, token, http).BuildServiceProvider();
    }

    public SandboxWorld World => _sandbox.World;
    public WireMockServer Server => _sandbox.Server(ServiceName.Forge);
    /// <summary>Where the fake says it is, as its links and URLs name it.</summary>
    public string Root => Server.Url! + "/";
    public IForgejoApi Api => _provider.GetRequiredService<IForgejoApi>();
    public ForgejoTicketTracker Tracker => _provider.GetRequiredService<ForgejoTicketTracker>();

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public IReadOnlyList<ILogEntry> RequestsTo(string method, string path) =>
        Requests.Where(entry => entry.RequestMessage.Method == method && new Uri(entry.RequestMessage.AbsoluteUrl).AbsolutePath == path).ToList();

    public IReadOnlyList<ILogEntry> Writes => Requests.Where(entry => entry.RequestMessage.Method != "GET").ToList();

    public static string Query(ILogEntry entry) => new Uri(entry.RequestMessage.AbsoluteUrl).Query;

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    public static string? ResponseHeader(ILogEntry entry, string name) =>
        entry.ResponseMessage.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    public static HttpStatusCode StatusOf(ILogEntry entry) => (HttpStatusCode)(int)entry.ResponseMessage.StatusCode!;

    public void Dispose()
    {
        _provider.Dispose();
        _sandbox.Dispose();
    }

    /// <summary>The two Fedora Forge trackers: releng/tickets and releng/fedora-scm-requests, in the releng org.</summary>
    public static ForgejoScenario ForgeTrackers(params ForgejoScenario.Issue[] scmIssues) => new()
    {
        Tokens = { ["alice-token"] = "alice", ["mallory-token"] = "mallory" },
        Orgs = { ["releng"] = new ForgejoScenario.Org { Members = ["alice"], Labels = [new() { Name = "Closed As/Fixed", Color = "FF0000", Exclusive = true }] } },
        Repos =
        {
            ["releng/tickets"] = new ForgejoScenario.Repo
            {
                Issues = [new ForgejoScenario.Issue { Number = 13108, Title = "Unretire rpms/foo", Author = "jdoe", Migrated = true, Body = "Please", DaysAgo = 3 }],
            },
            ["releng/fedora-scm-requests"] = new ForgejoScenario.Repo
            {
                CloseStatuses = ["Processed", "Invalid"],
                Labels = [new() { Name = "epel" }],
                Issues = [.. scmIssues],
            },
        },
    };

    public static ForgejoScenario.Issue Issue(int number, string author = "jdoe", double daysAgo = 1, params string[] labels) =>
        new() { Number = number, Title = $"Ticket {number}", Author = author, Body = $"Body of {number}", DaysAgo = daysAgo, Labels = [.. labels] };

    public const string ScmRepo = "releng/fedora-scm-requests";
    public const string ScmIssues = "/api/v1/repos/releng/fedora-scm-requests/issues";
}

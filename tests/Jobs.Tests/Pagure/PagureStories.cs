using System.Net;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using WireMock.Logging;

namespace Releng.Jobs.Tests.Pagure;

/// <summary>Pagure scenarios for the tracker client's tests, on the shared <see cref="TestSandbox"/> with only the Pagure fake.</summary>
internal static class PagureStories
{
    public const string Token = "test-token-value";
    /// <summary>A token scoped to the releng project, acting as the bot: what editing an issue needs.</summary>
    public const string RelengProjectToken = "releng-project-token";

    /// <summary>The fake Pagure over the scenario, and the real client holding <paramref name="token"/>.</summary>
    public static TestSandbox Start(PagureScenario scenario, string? token = Token, Dictionary<string, PersonScenario>? people = null,
        IReadOnlyList<IFakeBehaviour>? behaviours = null) =>
        TestSandbox.From(new Scenario { Clock = TestSandbox.DefaultClock, Pagure = scenario, People = people ?? [] }, new TestSandboxOptions
        {
            Fakes = [ServiceName.Pagure],
            Behaviours = behaviours ?? [],
            Credentials = TestSandbox.NoCredentials with { PagureToken = token },
            Http = new HttpOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 },
        });

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

    public static string Query(ILogEntry entry) => new Uri(entry.RequestMessage.AbsoluteUrl).Query;

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    public static HttpStatusCode StatusOf(ILogEntry entry) => (HttpStatusCode)(int)entry.ResponseMessage.StatusCode!;
}

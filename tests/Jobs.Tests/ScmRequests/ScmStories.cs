using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Pagure;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>The scm-requests job over the shared <see cref="TestSandbox"/>: every fake, the sandbox's clock and credentials.</summary>
internal static class ScmStories
{
    public const string Tracker = "releng/fedora-scm-requests";

    /// <summary>The story of tests/scenarios/scm-requests.yaml; <paramref name="standIns"/> false wires a real environment's services.</summary>
    public static TestSandbox Story(bool standIns = true) =>
        TestSandbox.FromFile(TestSandbox.ScenarioFile("scm-requests.yaml"), Options(standIns, pagureToken: true));

    /// <summary>A scenario written for one test; <paramref name="pagureToken"/> false runs as a plan-only run does.</summary>
    public static TestSandbox From(string scenarioYaml, bool pagureToken = true) =>
        TestSandbox.FromYaml(scenarioYaml, Options(standIns: true, pagureToken));

    private static TestSandboxOptions Options(bool standIns, bool pagureToken) => new()
    {
        Credentials = pagureToken ? SandboxCredentials.Default : SandboxCredentials.Default with { PagureToken = null },
        ScenarioClock = true,
        StandIns = standIns,
    };

    public static IJob ScmRequestsJob(this TestSandbox sandbox, int? ticket = null, string? bot = null) =>
        sandbox.Job("scm-requests", bot is null ? null : new Dictionary<string, object?> { ["bot"] = bot }, ticket);

    public static Task<Plan> PlanScmRequestsAsync(this TestSandbox sandbox, int? ticket = null, string? bot = null) =>
        sandbox.ScmRequestsJob(ticket, bot).PlanAsync(CancellationToken.None);

    public static Task<(Plan Plan, IReadOnlyList<Outcome> Outcomes)> ApplyScmRequestsAsync(this TestSandbox sandbox, int? ticket = null) =>
        sandbox.ApplyAsync(sandbox.ScmRequestsJob(ticket));

    public static PagureIssueState Issue(this TestSandbox sandbox, int id)
    {
        lock (sandbox.World.Sync)
        {
            return sandbox.World.Pagure.Projects[Tracker].Issues.Single(i => i.Id == id);
        }
    }

    /// <summary>The bot's comments on a ticket, without their hidden markers.</summary>
    public static IReadOnlyList<string> BotComments(this TestSandbox sandbox, int id) =>
        sandbox.Issue(id).Comments.Where(c => c.Author == "releng-bot" && !c.Notification).Select(c => WithoutMarker(c.Text)).ToList();

    public static string WithoutMarker(string text)
    {
        var marker = text.LastIndexOf("\n\n<!-- releng-jobs:", StringComparison.Ordinal);
        return marker < 0 ? text : text[..marker];
    }

    /// <summary>Every request that could change something (all but GET and Pagure's whoami), on every fake.</summary>
    public static IReadOnlyList<string> WriteRequests(this TestSandbox sandbox) =>
        sandbox.AllRequests()
            .Where(entry => entry.RequestMessage.Method != "GET" && !entry.RequestMessage.Path.EndsWith("/-/whoami", StringComparison.Ordinal))
            .Select(entry => $"{entry.RequestMessage.Method} {entry.RequestMessage.Path}")
            .ToList();

    public static IReadOnlyList<string> RequestPaths(this TestSandbox sandbox, string service) =>
        sandbox.Requests(service).Select(entry => entry.RequestMessage.Url).ToList();
}

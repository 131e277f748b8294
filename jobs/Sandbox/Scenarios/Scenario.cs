namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// A sandbox seed, written by people in YAML (tests/scenarios/*.yaml). Times are relative to <see cref="Clock"/>
/// (<c>days_ago</c>) so a scenario reads like a story and tests stay deterministic. Each service has its own section.
/// </summary>
public sealed class Scenario
{
    /// <summary>
    /// Other scenario files (relative to this one) merged into it: maps merge key by key, lists are joined. Each
    /// process keeps its story in a file of its own and the default scenario includes them all.
    /// </summary>
    public List<string> Include { get; set; } = [];

    /// <summary>The sandbox's "now"; every <c>days_ago</c> counts back from it.</summary>
    public DateTimeOffset Clock { get; set; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Fedora accounts by user name: who is a packager, their e-mail for Bugzilla, their groups.</summary>
    public Dictionary<string, PersonScenario> People { get; set; } = [];

    public PagureScenario Pagure { get; set; } = new();
    public Dictionary<string, DistGitRepoScenario> Distgit { get; set; } = [];
    public KojiScenario Koji { get; set; } = new();
    public BugzillaScenario Bugzilla { get; set; } = new();
    public BodhiScenario Bodhi { get; set; } = new();
    public RegistryScenario Registry { get; set; } = new();

    /// <summary>How the fakes behave (latency), as opposed to what they know.</summary>
    public SandboxScenario Sandbox { get; set; } = new();
}

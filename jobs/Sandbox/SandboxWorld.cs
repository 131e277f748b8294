using Releng.Jobs.Sandbox.Accounts;
using System.Text.Json;
using System.Text.Json.Serialization;
using Releng.Jobs.Sandbox.Bodhi;
using Releng.Jobs.Sandbox.Bugzilla;
using Releng.Jobs.Sandbox.DistGit;
using Releng.Jobs.Sandbox.Forgejo;
using Releng.Jobs.Sandbox.Koji;
using Releng.Jobs.Sandbox.Pagure;
using Releng.Jobs.Sandbox.Registry;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// Everything the fake services know. It is seeded from a scenario, changed by the jobs' writes through the fakes,
/// and saved as JSON between runs so a second process sees what the first one did. It stands in for the real
/// systems' state; the jobs themselves never read it.
/// </summary>
public sealed class SandboxWorld
{
    /// <summary>The scenario file's content hash: a changed scenario starts a fresh world.</summary>
    public string ScenarioHash { get; set; } = "";
    public DateTimeOffset Clock { get; set; }
    public Dictionary<string, PersonScenario> People { get; set; } = [];
    public PagureWorld Pagure { get; set; } = new();
    public ForgejoWorld Forge { get; set; } = new();
    public DistGitWorld DistGit { get; set; } = new();
    public KojiWorld Koji { get; set; } = new();
    public BugzillaWorld Bugzilla { get; set; } = new();
    public BodhiWorld Bodhi { get; set; } = new();
    public RegistryWorld Registry { get; set; } = new();

    /// <summary>Fakes mutate parts of the world from WireMock's threads; they take this lock around each request.</summary>
    [JsonIgnore]
    public object Sync { get; } = new();

    public static SandboxWorld Seed(Scenario scenario, string scenarioHash, SandboxPaths paths) => new()
    {
        ScenarioHash = scenarioHash,
        Clock = scenario.Clock,
        People = scenario.People,
        Pagure = PagureWorld.Seed(scenario, paths),
        Forge = ForgejoWorld.Seed(scenario),
        DistGit = DistGitWorld.Seed(scenario, paths),
        Koji = KojiWorld.Seed(scenario, paths),
        Bugzilla = BugzillaWorld.Seed(scenario, paths),
        Bodhi = BodhiWorld.Seed(scenario, paths),
        Registry = RegistryWorld.Seed(scenario, paths),
    };

    public IReadOnlyList<IServiceFake> CreateFakes() =>
    [
        new PagureFake(this), new ForgejoFake(this), new DistGitFake(this), new KojiFake(this), new BugzillaFake(this), new BodhiFake(this),
        new FasjsonFake(this),
    ];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Save(string file)
    {
        lock (Sync)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var temp = file + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
            File.Move(temp, file, overwrite: true);
        }
    }

    public static SandboxWorld? Load(string file) =>
        File.Exists(file) ? JsonSerializer.Deserialize<SandboxWorld>(File.ReadAllText(file), Json) : null;
}

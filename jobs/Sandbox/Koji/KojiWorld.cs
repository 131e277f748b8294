using System.Security.Cryptography;
using System.Text;
using Releng.Jobs.Configuration;
using Releng.Jobs.Koji.XmlRpc;
using Releng.Jobs.Sandbox.Koji.XmlRpc;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>
/// The fake Koji's state: seeded from a scenario, changed by writes, saved with the sandbox world. Like a real hub
/// it versions tag contents and package lists with event ids from one increasing counter.
/// </summary>
public sealed class KojiWorld
{
    public List<KojiWorldEvent> Events { get; set; } = [];
    public List<KojiWorldUser> Users { get; set; } = [];
    public List<KojiWorldSession> Sessions { get; set; } = [];
    public List<KojiWorldTag> Tags { get; set; } = [];
    public List<KojiWorldPackage> Packages { get; set; } = [];
    public List<KojiWorldPackageEntry> PackageEntries { get; set; } = [];
    public List<KojiWorldBuild> Builds { get; set; } = [];
    public List<KojiWorldTagging> Taggings { get; set; } = [];
    public List<KojiWorldArchive> Archives { get; set; } = [];
    public List<KojiWorldRpm> Rpms { get; set; } = [];
    public List<KojiWorldTarget> Targets { get; set; } = [];
    public List<KojiWorldRepo> Repos { get; set; } = [];
    public List<KojiWorldTask> Tasks { get; set; } = [];

    public int LastEventId => Events.Count == 0 ? 0 : Events[^1].Id;

    /// <summary>Records a new event, never earlier than the last one.</summary>
    public int NewEvent(DateTimeOffset time)
    {
        if (Events.Count > 0 && time <= Events[^1].Time)
        {
            time = Events[^1].Time.AddMilliseconds(1);
        }
        Events.Add(new KojiWorldEvent { Id = LastEventId + 1, Time = time });
        return LastEventId;
    }

    public DateTimeOffset EventTime(int eventId) =>
        Events.LastOrDefault(e => e.Id <= eventId)?.Time ?? DateTimeOffset.UnixEpoch;

    /// <summary>Build ids are assigned in order, so the id is nearly always the position; fall back to a search.</summary>
    public KojiWorldBuild Build(int id) =>
        id >= 1 && id <= Builds.Count && Builds[id - 1].Id == id ? Builds[id - 1] : Builds.First(b => b.Id == id);

    public KojiWorldTag? FindTag(object? info) => info switch
    {
        string name => Tags.FirstOrDefault(tag => tag.Name == name),
        int id => Tags.FirstOrDefault(tag => tag.Id == id),
        _ => null,
    };

    public KojiWorldPackage? FindPackage(object? info) => info switch
    {
        string name => Packages.FirstOrDefault(package => package.Name == name),
        int id => Packages.FirstOrDefault(package => package.Id == id),
        _ => null,
    };

    public KojiWorldUser? FindUser(object? info) => info switch
    {
        string name => Users.FirstOrDefault(user => user.Name == name),
        int id => Users.FirstOrDefault(user => user.Id == id),
        _ => null,
    };

    public KojiWorldTag EnsureTag(string name) =>
        FindTag(name) ?? Added(Tags, new KojiWorldTag { Id = Tags.Count + 1, Name = name });

    public KojiWorldPackage EnsurePackage(string name) =>
        FindPackage(name) ?? Added(Packages, new KojiWorldPackage { Id = Packages.Count + 1, Name = name });

    public KojiWorldUser EnsureUser(string name) =>
        FindUser(name) ?? Added(Users, new KojiWorldUser { Id = Users.Count + 1, Name = name });

    private static T Added<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    /// <summary>The tag then its ancestors, nearest first, each once (Koji's full inheritance order).</summary>
    public IReadOnlyList<KojiWorldTag> Inheritance(KojiWorldTag tag)
    {
        var order = new List<KojiWorldTag>();
        void Visit(KojiWorldTag current)
        {
            if (order.Contains(current))
            {
                return;
            }
            order.Add(current);
            foreach (var parent in current.Parents)
            {
                Visit(Tags.First(t => t.Id == parent));
            }
        }
        Visit(tag);
        return order;
    }

    public static bool ActiveAt(int createEvent, int? revokeEvent, int atEvent) =>
        createEvent <= atEvent && (revokeEvent is null || revokeEvent > atEvent);

    /// <summary>The package-list entry that applies to a package in a tag (own entry first, then the nearest parent's).</summary>
    public KojiWorldPackageEntry? PackageEntry(KojiWorldTag tag, int packageId, int atEvent) =>
        Inheritance(tag)
            .Select(t => PackageEntries.FirstOrDefault(e =>
                e.TagId == t.Id && e.PackageId == packageId && ActiveAt(e.CreateEvent, e.RevokeEvent, atEvent)))
            .FirstOrDefault(e => e is not null);

    public static KojiWorld Seed(Scenario scenario, SandboxPaths paths)
    {
        _ = paths;
        return new KojiWorldSeeder(scenario).Seed();
    }

    internal static string NewSessionKey(int sessionId) =>
        $"{sessionId}-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y')}";

    internal static string FakeChecksum(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static string EncodeRequest(IReadOnlyList<object?> args) => XmlRpcCodec.EncodeCall(new XmlRpcMethodCall("request", args));

    internal static IReadOnlyList<object?> DecodeRequest(string xml) =>
        xml.Length == 0 ? [] : XmlRpcServerCodec.DecodeCall(xml).Params;

    /// <summary>Splits name-version-release from the right, as Koji does.</summary>
    internal static (string Name, string Version, string Release) SplitNvr(string nvr, SourceMark at)
    {
        var releaseDash = nvr.LastIndexOf('-');
        var versionDash = releaseDash > 0 ? nvr.LastIndexOf('-', releaseDash - 1) : -1;
        if (versionDash <= 0)
        {
            throw new ConfigurationException(at, $"koji: '{nvr}' is not a name-version-release");
        }
        return (nvr[..versionDash], nvr[(versionDash + 1)..releaseDash], nvr[(releaseDash + 1)..]);
    }
}

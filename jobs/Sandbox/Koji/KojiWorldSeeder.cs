using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Turns the <c>koji:</c> scenario section into a world: setup at one early event, then builds, taggings, repos and tasks in time order.</summary>
internal sealed class KojiWorldSeeder(Scenario scenario)
{
    private readonly KojiWorld _world = new();
    private readonly KojiScenario _koji = scenario.Koji;

    public KojiWorld Seed()
    {
        SeedUsers();
        var times = _koji.Builds.Select(b => Math.Max(b.DaysAgo, b.TaggedDaysAgo ?? 0))
            .Concat(_koji.Repos.Values.Select(r => r.DaysAgo)).Concat(_koji.Tasks.Select(t => t.DaysAgo)).DefaultIfEmpty(0).Max();
        var setup = _world.NewEvent(scenario.Clock.AddDays(-times - 1));
        var admin = _world.Users[0];
        SeedTags(setup, admin);
        SeedTargets();

        // Each happening gets its own event, in time order; the file order breaks ties.
        var happenings = new List<(double DaysAgo, int Order, Action<int> Apply)>();
        var order = 0;
        foreach (var build in _koji.Builds)
        {
            var (record, taggedDaysAgo) = (CreateBuild(build, admin), build.TaggedDaysAgo ?? build.DaysAgo);
            happenings.Add((build.DaysAgo, order++, e => record.CreationEventId = e));
            foreach (var tagName in build.Tags)
            {
                var tag = _world.EnsureTag(tagName);
                happenings.Add((taggedDaysAgo, order++, e => Tag(record, tag, e, admin)));
            }
        }
        foreach (var (tagName, repo) in _koji.Repos)
        {
            var tag = _world.EnsureTag(tagName);
            happenings.Add((repo.DaysAgo, order++, e => _world.Repos.Add(new KojiWorldRepo
            {
                Id = _world.Repos.Count + 1, TagId = tag.Id, State = RepoState(repo.State, repo.At), CreateEvent = e, CreationTime = _world.EventTime(e),
            })));
        }
        foreach (var task in _koji.Tasks)
        {
            happenings.Add((task.DaysAgo, order++, e => CreateTask(task, _world.EventTime(e), admin)));
        }
        foreach (var happening in happenings.OrderByDescending(h => h.DaysAgo).ThenBy(h => h.Order))
        {
            happening.Apply(_world.NewEvent(scenario.Clock.AddDays(-happening.DaysAgo)));
        }
        foreach (var (build, index) in _koji.Builds.Select((b, i) => (b, i)))
        {
            SeedArchives(build, _world.Builds[index], index);
        }
        return _world;
    }

    private void SeedUsers()
    {
        var users = _koji.Users.Count > 0
            ? _koji.Users
            : new Dictionary<string, KojiUserScenario>
            {
                ["releng-bot"] = new() { Password = "sandbox", Certificate = true, Permissions = ["image"] },
            };
        foreach (var (name, user) in users)
        {
            var record = _world.EnsureUser(name);
            record.Password = user.Password;
            record.Certificate = user.Certificate;
            record.Permissions = [.. user.Permissions];
        }
    }

    private void SeedTags(int setup, KojiWorldUser admin)
    {
        foreach (var name in _koji.Tags.Keys)
        {
            _world.EnsureTag(name);
        }
        foreach (var (name, tag) in _koji.Tags)
        {
            var record = _world.EnsureTag(name);
            record.Arches = tag.Arches;
            record.Locked = tag.Locked;
            record.Parents = tag.Inherits.Select(parent => _world.EnsureTag(parent).Id).ToList();
            foreach (var (packageName, package) in tag.Packages)
            {
                _world.PackageEntries.Add(new KojiWorldPackageEntry
                {
                    TagId = record.Id,
                    PackageId = _world.EnsurePackage(packageName).Id,
                    Blocked = package.Blocked,
                    OwnerId = package.Owner is { } owner ? _world.EnsureUser(owner).Id : admin.Id,
                    ExtraArches = package.ExtraArches,
                    CreateEvent = setup,
                    CreatorId = admin.Id,
                });
            }
        }
    }

    private void SeedTargets()
    {
        foreach (var (name, target) in _koji.Targets)
        {
            _world.Targets.Add(new KojiWorldTarget
            {
                Id = _world.Targets.Count + 1,
                Name = name,
                BuildTagId = _world.EnsureTag(target.BuildTag).Id,
                DestTagId = _world.EnsureTag(target.DestTag).Id,
            });
        }
    }

    private KojiWorldBuild CreateBuild(KojiBuildScenario build, KojiWorldUser admin)
    {
        var (name, version, release) = KojiWorld.SplitNvr(build.Nvr, build.At);
        if (_world.Builds.Any(b => b.Nvr == build.Nvr))
        {
            // Koji's build table has one row per name-version-release.
            throw new ConfigurationException(build.At, $"koji build {build.Nvr} is listed twice; Koji has one build per NVR");
        }
        var time = scenario.Clock.AddDays(-build.DaysAgo);
        var state = BuildState(build);
        var record = new KojiWorldBuild
        {
            Id = _world.Builds.Count + 1,
            PackageId = _world.EnsurePackage(name).Id,
            Name = name,
            Version = version,
            Release = release,
            Epoch = build.Epoch,
            State = state,
            Type = build.Type is "image" or "rpm"
                ? build.Type
                : throw new ConfigurationException(build.At, $"koji build {build.Nvr}: type must be rpm or image, not '{build.Type}'"),
            OwnerId = build.Owner is { } owner ? _world.EnsureUser(owner).Id : admin.Id,
            CreationTime = time,
            StartTime = time.AddHours(-1),
            CompletionTime = state == 0 ? null : time,
            Source = build.Source,
        };
        _world.Builds.Add(record);
        if (record.Type == "rpm")
        {
            AddRpm(record, "src");
            foreach (var arch in build.Arches.DefaultIfEmpty("x86_64"))
            {
                AddRpm(record, arch);
            }
        }
        return record;
    }

    private void Tag(KojiWorldBuild build, KojiWorldTag tag, int eventId, KojiWorldUser admin)
    {
        // Koji refuses to tag a package missing from the list; a scenario just means "make it so".
        if (_world.PackageEntry(tag, build.PackageId, eventId) is null)
        {
            _world.PackageEntries.Add(new KojiWorldPackageEntry
            {
                TagId = tag.Id, PackageId = build.PackageId, OwnerId = build.OwnerId, CreateEvent = eventId, CreatorId = admin.Id,
            });
        }
        _world.Taggings.Add(new KojiWorldTagging { TagId = tag.Id, BuildId = build.Id, CreateEvent = eventId, CreatorId = admin.Id });
    }

    private void SeedArchives(KojiBuildScenario build, KojiWorldBuild record, int index)
    {
        foreach (var (archive, position) in build.Archives.Select((a, i) => (a, i)))
        {
            var rpmIds = archive.Rpms.Select(nvr =>
            {
                var component = _world.Builds.FirstOrDefault(b => b.Nvr == nvr) ?? AddComponentBuild(nvr, record, index, position, archive.At);
                return (_world.Rpms.FirstOrDefault(r => r.BuildId == component.Id && r.Arch == archive.Arch)
                    ?? _world.Rpms.FirstOrDefault(r => r.BuildId == component.Id && r.Arch == "noarch")
                    ?? AddRpm(component, archive.Arch)).Id;
            }).ToList();
            var filename = archive.Filename ?? $"{record.Nvr}.{archive.Arch}.oci.tar.xz";
            _world.Archives.Add(new KojiWorldArchive
            {
                Id = _world.Archives.Count + 1,
                BuildId = record.Id,
                Filename = filename,
                Arch = archive.Arch,
                Size = archive.Size,
                Checksum = KojiWorld.FakeChecksum(filename),
                RpmIds = rpmIds,
            });
        }
    }

    /// <summary>A component named only in an archive becomes a complete, untagged build made just before the image.</summary>
    private KojiWorldBuild AddComponentBuild(string nvr, KojiWorldBuild image, int index, int position, SourceMark at)
    {
        var (name, version, release) = KojiWorld.SplitNvr(nvr, at);
        if (release.Length == 0 || version.Length == 0)
        {
            throw new ConfigurationException(at, $"koji.builds[{index}].archives[{position}]: '{nvr}' is not a name-version-release");
        }
        var build = new KojiWorldBuild
        {
            Id = _world.Builds.Count + 1,
            PackageId = _world.EnsurePackage(name).Id,
            Name = name,
            Version = version,
            Release = release,
            OwnerId = image.OwnerId,
            CreationEventId = image.CreationEventId,
            CreationTime = image.CreationTime,
            StartTime = image.StartTime,
            CompletionTime = image.CreationTime,
        };
        _world.Builds.Add(build);
        AddRpm(build, "src");
        return build;
    }

    private KojiWorldRpm AddRpm(KojiWorldBuild build, string arch)
    {
        var rpm = new KojiWorldRpm
        {
            Id = _world.Rpms.Count + 1,
            BuildId = build.Id,
            Name = build.Name,
            Version = build.Version,
            Release = build.Release,
            Epoch = build.Epoch,
            Arch = arch,
            Size = 6000 + build.Name.Length * 100,
            BuildTime = build.CreationTime.ToUnixTimeSeconds(),
        };
        _world.Rpms.Add(rpm);
        return rpm;
    }

    private void CreateTask(KojiTaskScenario task, DateTimeOffset time, KojiWorldUser admin)
    {
        var options = new Releng.Jobs.Koji.XmlRpc.XmlRpcStruct();
        if (task.Profile is not null)
        {
            options["profile"] = task.Profile;
        }
        var request = task.Method == "kiwiBuild"
            ? new List<object?> { task.Target, task.Arches.Cast<object?>().ToList(), "git+https://pagure.io/fedora-kiwi-descriptions.git#main", "Fedora.kiwi", options }
            : [task.Target];
        _world.Tasks.Add(new KojiWorldTask
        {
            Id = _world.Tasks.Count + 1,
            Method = task.Method,
            State = TaskState(task.State, task.At),
            OwnerId = task.Owner is { } owner ? _world.EnsureUser(owner).Id : admin.Id,
            CreateTime = time,
            StartTime = TaskState(task.State, task.At) == 0 ? null : time,
            CompletionTime = TaskState(task.State, task.At) is 2 or 3 or 5 ? time : null,
            RequestXml = KojiWorld.EncodeRequest(request),
        });
    }

    private static int BuildState(KojiBuildScenario build) => build.State switch
    {
        "building" => 0,
        "complete" => 1,
        "deleted" => 2,
        "failed" => 3,
        "canceled" => 4,
        var state => throw new ConfigurationException(build.At,
            $"koji build {build.Nvr}: state must be building, complete, deleted, failed or canceled, not '{state}'"),
    };

    private static int TaskState(string state, SourceMark at) => state switch
    {
        "free" => 0,
        "open" => 1,
        "closed" => 2,
        "canceled" => 3,
        "assigned" => 4,
        "failed" => 5,
        _ => throw new ConfigurationException(at,
            $"koji task state must be free, open, assigned, closed, canceled or failed, not '{state}'"),
    };

    private static int RepoState(string state, SourceMark at) => state switch
    {
        "init" => 0,
        "ready" => 1,
        "expired" => 2,
        "deleted" => 3,
        "problem" => 4,
        _ => throw new ConfigurationException(at, $"koji repo state must be init, ready, expired, deleted or problem, not '{state}'"),
    };
}

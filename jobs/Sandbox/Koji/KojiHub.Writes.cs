using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Writes (need a session): packageListUnblock, kiwiBuild, build.</summary>
internal sealed partial class KojiHub
{
    private object? PackageListUnblock(KojiHubArguments a, KojiWorldSession? session)
    {
        var user = RequireLogin(session);
        var tag = RequireTag(a["taginfo"]);
        var package = world.FindPackage(a["pkginfo"]);
        var now = world.LastEventId;
        var previous = package is null ? null : world.PackageEntry(tag, package.Id, now);
        if (package is null || previous is null)
        {
            throw KojiHubFault.Generic($"no data (full or inherited) for package {Quote(a["pkginfo"])} in tag {tag.Name}");
        }
        if (!previous.Blocked)
        {
            throw KojiHubFault.Generic($"package {package.Name} NOT blocked in tag {tag.Name}");
        }
        var eventId = world.NewEvent(clock);
        if (previous.TagId == tag.Id)
        {
            previous.RevokeEvent = eventId;
            previous.RevokerId = user.Id;
            // Removing the tag's own block may leave the package unlisted, or blocked by a parent: then list it unblocked.
            if (world.PackageEntry(tag, package.Id, eventId) is not { Blocked: false })
            {
                AddEntry(tag, package, previous, eventId, user);
            }
        }
        else
        {
            AddEntry(tag, package, previous, eventId, user);
        }
        return null;
    }

    private void AddEntry(KojiWorldTag tag, KojiWorldPackage package, KojiWorldPackageEntry previous, int eventId, KojiWorldUser user) =>
        world.PackageEntries.Add(new KojiWorldPackageEntry
        {
            TagId = tag.Id, PackageId = package.Id, Blocked = false, OwnerId = previous.OwnerId, ExtraArches = previous.ExtraArches,
            CreateEvent = eventId, CreatorId = user.Id,
        });

    private int KiwiBuild(KojiHubArguments a, KojiWorldSession? session)
    {
        var user = RequireLogin(session);
        if (!user.Permissions.Contains("image") && !user.Permissions.Contains("admin"))
        {
            throw new KojiHubFault(1004, $"image permission required (logged in as {user.Name})");
        }
        var targetName = a.String("target");
        _ = world.Targets.FirstOrDefault(t => t.Name == targetName)
            ?? throw KojiHubFault.Generic($"No such build target: {Quote(targetName)}");
        var options = new XmlRpcStruct();
        foreach (var name in new[] { "optional_arches", "profile", "scratch", "make_prep", "repos", "release", "type", "type_attr",
                     "result_bundle_name_format", "use_buildroot_repo", "version", "repo_releasever" })
        {
            if (a[name] is { } value)
            {
                options[name] = value;
            }
        }
        var eventId = world.NewEvent(clock);
        var now = world.EventTime(eventId);
        var task = new KojiWorldTask
        {
            Id = world.Tasks.Count + 1,
            Method = "kiwiBuild",
            State = 0,
            OwnerId = user.Id,
            Priority = a.Int("priority") ?? 20,
            CreateTime = now,
            RequestXml = KojiWorld.EncodeRequest([targetName, a["arches"], a["desc_url"], a["desc_path"], options]),
        };
        // As on a real hub: the task waits FREE for a builder, with no start time, and no build exists until a
        // builder reserves the NVR. The sandbox has no builder, so it stays so.
        world.Tasks.Add(task);
        return task.Id;
    }


    private int BuildTask(KojiHubArguments a, KojiWorldSession? session)
    {
        var user = RequireLogin(session);
        var targetName = a.String("target");
        _ = world.Targets.FirstOrDefault(t => t.Name == targetName) ?? throw KojiHubFault.Generic($"No such build target: {Quote(targetName)}");
        var eventId = world.NewEvent(clock);
        var task = new KojiWorldTask
        {
            Id = world.Tasks.Count + 1,
            Method = "build",
            State = 0,
            OwnerId = user.Id,
            CreateTime = world.EventTime(eventId),
            RequestXml = KojiWorld.EncodeRequest([a["src"], targetName, a["opts"] ?? new XmlRpcStruct()]),
        };
        world.Tasks.Add(task);
        return task.Id;
    }
}

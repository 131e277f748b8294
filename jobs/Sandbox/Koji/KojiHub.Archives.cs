using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Archives and RPMs: listArchives rows and types, listRPMs by build or image archive.</summary>
internal sealed partial class KojiHub
{
    private List<object?> ListArchives(KojiHubArguments a)
    {
        IEnumerable<KojiWorldArchive> archives = world.Archives;
        if (a.Int("buildID") is { } buildId)
        {
            archives = archives.Where(x => x.BuildId == buildId);
        }
        if (a.Int("archiveID") is { } archiveId)
        {
            archives = archives.Where(x => x.Id == archiveId);
        }
        var image = a.String("type") is "image";
        if (a.String("type") is { } type && !image)
        {
            archives = [];
        }
        if (a.Struct("typeInfo")?.GetStringOrNull("arch") is { } arch)
        {
            archives = archives.Where(x => x.Arch == arch);
        }
        return archives.Select(x => (object?)ArchiveRow(x, image)).ToList();
    }

    private static XmlRpcStruct ArchiveRow(KojiWorldArchive archive, bool withArch)
    {
        var (typeName, description, extensions, typeId) = ArchiveType(archive.Filename);
        var row = new XmlRpcStruct
        {
            ["btype"] = "image",
            ["btype_id"] = 4,
            ["build_id"] = archive.BuildId,
            ["buildroot_id"] = null,
            ["checksum"] = archive.Checksum,
            ["checksum_type"] = 2,
            ["compression_type"] = null,
            ["extra"] = new XmlRpcStruct { ["image"] = new XmlRpcStruct { ["arch"] = archive.Arch } },
            ["filename"] = archive.Filename,
            ["id"] = archive.Id,
            ["metadata_only"] = false,
            ["size"] = archive.Size,
            ["type_description"] = description,
            ["type_extensions"] = extensions,
            ["type_id"] = typeId,
            ["type_name"] = typeName,
        };
        if (withArch)
        {
            row["arch"] = archive.Arch;
        }
        return row;
    }

    // The type Koji assigns to .oci.tar.xz is not verified; "tar" is the generic archive type that matches it.
    private static (string Name, string Description, string Extensions, int Id) ArchiveType(string filename) => filename switch
    {
        _ when filename.EndsWith(".qcow2", StringComparison.Ordinal) => ("qcow2", "QCOW2 image", "qcow2", 21),
        _ when filename.EndsWith(".raw.xz", StringComparison.Ordinal) => ("raw-xz", "xz compressed raw disk image", "raw.xz", 45),
        _ => ("tar", "Tar file", "tar tar.gz tar.bz2 tar.xz", 4),
    };

    private List<object?> ListRpms(KojiHubArguments a)
    {
        IEnumerable<KojiWorldRpm> rpms = world.Rpms;
        if (a.Int("buildID") is { } buildId)
        {
            rpms = rpms.Where(r => r.BuildId == buildId);
        }
        if (a.Int("imageID") is { } archiveId)
        {
            var ids = world.Archives.FirstOrDefault(x => x.Id == archiveId)?.RpmIds ?? [];
            rpms = ids.Select(id => world.Rpms.First(r => r.Id == id));
        }
        if (a["arches"] is { } arches)
        {
            var wanted = arches is IReadOnlyList<object?> list ? list.OfType<string>().ToHashSet() : [arches as string ?? ""];
            rpms = rpms.Where(r => wanted.Contains(r.Arch));
        }
        return rpms.Select(r => (object?)RpmRow(r)).ToList();
    }

    private static XmlRpcStruct RpmRow(KojiWorldRpm rpm) => new()
    {
        ["arch"] = rpm.Arch,
        ["build_id"] = rpm.BuildId,
        ["buildroot_id"] = null,
        ["buildtime"] = rpm.BuildTime,
        ["draft"] = false,
        ["epoch"] = rpm.Epoch,
        ["external_repo_id"] = 0,
        ["external_repo_name"] = "INTERNAL",
        ["extra"] = null,
        ["id"] = rpm.Id,
        ["metadata_only"] = false,
        ["name"] = rpm.Name,
        ["nvr"] = $"{rpm.Name}-{rpm.Version}-{rpm.Release}",
        ["payloadhash"] = KojiWorld.FakeChecksum($"{rpm.Name}-{rpm.Version}-{rpm.Release}.{rpm.Arch}")[..32],
        ["release"] = rpm.Release,
        ["size"] = rpm.Size,
        ["version"] = rpm.Version,
    };
}

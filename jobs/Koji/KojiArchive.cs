using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// A build output file (<c>listArchives</c>), e.g. <c>Fedora-Container-Base-Generic-44-….x86_64.oci.tar.xz</c>.
/// <see cref="Arch"/> comes from the top-level <c>arch</c> (present with <c>type='image'</c>) or else from
/// <c>extra.image.arch</c>. Its id is what <c>listRPMs(imageID=…)</c> takes.
/// </summary>
public sealed record KojiArchive
{
    public required int Id { get; init; }
    public required int BuildId { get; init; }
    public required string Filename { get; init; }
    public string? Arch { get; init; }
    public long Size { get; init; }
    /// <summary>Archive type name: <c>qcow2</c>, <c>raw-xz</c>, …</summary>
    public string? TypeName { get; init; }
    /// <summary>Build type: <c>image</c>, <c>maven</c>, …</summary>
    public string? BuildType { get; init; }
    public string? Checksum { get; init; }
    /// <summary>0 = md5, 1 = sha1, 2 = sha256.</summary>
    public int? ChecksumType { get; init; }
    public int? BuildrootId { get; init; }
    public XmlRpcStruct? Extra { get; init; }

    internal static KojiArchive From(XmlRpcStruct row) => new()
    {
        Id = row.GetInt32("id"),
        BuildId = row.GetInt32("build_id"),
        Filename = row.GetString("filename"),
        Arch = row.GetStringOrNull("arch") ?? row.GetStructOrNull("extra")?.GetStructOrNull("image")?.GetStringOrNull("arch"),
        Size = row.GetInt64OrNull("size") ?? 0,
        TypeName = row.GetStringOrNull("type_name"),
        BuildType = row.GetStringOrNull("btype"),
        Checksum = row.GetStringOrNull("checksum"),
        ChecksumType = row.GetInt32OrNull("checksum_type"),
        BuildrootId = row.GetInt32OrNull("buildroot_id"),
        Extra = row.GetStructOrNull("extra"),
    };
}

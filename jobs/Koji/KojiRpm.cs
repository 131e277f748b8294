using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// An RPM (<c>listRPMs</c>). <see cref="BuildId"/> is the Koji build (source package) that produced it — null for
/// RPMs from an external repository. Comparing build ids needs no version parsing.
/// </summary>
public sealed record KojiRpm
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Release { get; init; }
    public int? Epoch { get; init; }
    public required string Arch { get; init; }
    public int? BuildId { get; init; }
    public int? BuildrootId { get; init; }
    /// <summary>0 with name <c>INTERNAL</c> for RPMs built in Koji.</summary>
    public int? ExternalRepoId { get; init; }
    public string? ExternalRepoName { get; init; }
    public long? Size { get; init; }
    public string? PayloadHash { get; init; }

    public string Nvr => $"{Name}-{Version}-{Release}";
    public string Nvra => $"{Nvr}.{Arch}";
    public bool IsExternal => BuildId is null || ExternalRepoId is > 0;

    internal static KojiRpm From(XmlRpcStruct row) => new()
    {
        Id = row.GetInt32("id"),
        Name = row.GetString("name"),
        Version = row.GetString("version"),
        Release = row.GetString("release"),
        Epoch = row.GetInt32OrNull("epoch"),
        Arch = row.GetString("arch"),
        BuildId = row.GetInt32OrNull("build_id"),
        BuildrootId = row.GetInt32OrNull("buildroot_id"),
        ExternalRepoId = row.GetInt32OrNull("external_repo_id"),
        ExternalRepoName = row.GetStringOrNull("external_repo_name"),
        Size = row.GetInt64OrNull("size"),
        PayloadHash = row.GetStringOrNull("payloadhash"),
    };
}

using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>A Koji event (<c>getLastEvent</c>): an increasing id that versions every change; pass it as <c>event=</c> for a consistent snapshot.</summary>
public sealed record KojiEvent(int Id, DateTimeOffset Time)
{
    internal static KojiEvent From(XmlRpcStruct row) =>
        new(row.GetInt32("id"), KojiTime.FromEpochSeconds(row.GetDoubleOrNull("ts") ?? 0));
}

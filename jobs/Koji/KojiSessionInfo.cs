using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>What <c>login</c>/<c>sslLogin</c> return. The key is a credential: it is sent as a header and never printed.</summary>
internal sealed record KojiSessionInfo(int SessionId, string SessionKey)
{
    internal static KojiSessionInfo From(XmlRpcStruct row) => new(row.GetInt32("session-id"), row.GetString("session-key"));

    public override string ToString() => $"session {SessionId}";
}

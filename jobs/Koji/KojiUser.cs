using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>The logged-in user (<c>getLoggedInUser</c>). <see cref="AuthType"/>: 0 password, 2 SSL.</summary>
public sealed record KojiUser(int Id, string Name, int? AuthType)
{
    internal static KojiUser From(XmlRpcStruct row) =>
        new(row.GetInt32("id"), row.GetString("name"), row.GetInt32OrNull("authtype"));
}

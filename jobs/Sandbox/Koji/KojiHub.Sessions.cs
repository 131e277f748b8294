using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Sessions: the session headers, password and certificate logins, logout.</summary>
internal sealed partial class KojiHub
{
    /// <remarks>
    /// The released 1.35 hub reads the call number from a header the reference client does not send (the names
    /// were aligned only on Koji's master), so <c>Koji-Session-Callnum</c> is ignored and no 1008/1009 faults come.
    /// </remarks>
    private KojiWorldSession? Authenticate(Func<string, string?> header)
    {
        if (header("Koji-Session-Id") is not { } idText)
        {
            return null;
        }
        var session = world.Sessions.FirstOrDefault(s => s.Id.ToString() == idText.Trim());
        if (session is null || !session.Active || session.Key != header("Koji-Session-Key"))
        {
            throw new KojiHubFault(1002, "Invalid session or bad credentials");
        }
        return session;
    }

    private XmlRpcStruct Login(KojiHubArguments a)
    {
        var user = world.FindUser(a.String("username"));
        if (user?.Password is null || user.Password != a.String("password"))
        {
            throw new KojiHubFault(1002, "invalid username or password");
        }
        return OpenSession(user, authType: 0);
    }

    private XmlRpcStruct SslLogin(KojiHubArguments a, bool sslLoginPath)
    {
        _ = a;
        if (sslLoginPath && RemoteUser is { } principal)
        {
            // GSSAPI: the principal is the user named by its part before '@' (Koji attaches it so with LoginCreatesUser);
            // anyone else is unknown, as on a hub that does not create users.
            var named = principal.Split('@')[0];
            var krbUser = world.Users.FirstOrDefault(u => u.Name == named)
                ?? throw new KojiHubFault(1002, $"Unknown user: {principal}");
            return OpenSession(krbUser, authType: 3);
        }
        var user = sslLoginPath ? world.Users.FirstOrDefault(u => u.Certificate) : null;
        if (user is null)
        {
            throw new KojiHubFault(1002, "could not verify client: NONE");
        }
        return OpenSession(user, authType: 2);
    }

    private XmlRpcStruct OpenSession(KojiWorldUser user, int authType)
    {
        var session = new KojiWorldSession
        {
            Id = world.Sessions.Count + 1, UserId = user.Id, AuthType = authType,
        };
        session.Key = KojiWorld.NewSessionKey(session.Id);
        world.Sessions.Add(session);
        return new XmlRpcStruct { ["session-id"] = session.Id, ["session-key"] = session.Key, ["header-auth"] = true };
    }

    private object? Logout(KojiHubArguments a, KojiWorldSession? session)
    {
        _ = a;
        if (session is not null)
        {
            session.Active = false;
        }
        return null;
    }

    private static XmlRpcStruct UserRow(KojiWorldUser user, int authType) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["status"] = 0,
        ["usertype"] = 0,
        ["krb_principals"] = new List<object?>(),
        ["authtype"] = authType,
        ["krb_principal"] = null,
    };

    private KojiWorldUser RequireLogin(KojiWorldSession? session) =>
        session is null
            ? throw new KojiHubFault(1004, "you must be logged in for this operation")
            : world.Users.First(u => u.Id == session.UserId);
}

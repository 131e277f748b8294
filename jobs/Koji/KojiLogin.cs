using Releng.Jobs.Secrets;

namespace Releng.Jobs.Koji;

/// <summary>How a Koji session is opened, chosen from the credentials present.</summary>
public enum KojiLoginMethod
{
    None,
    /// <summary>GSSAPI: <c>sslLogin</c> at <c>{hub}/ssllogin</c>, authenticated by HTTP Negotiate (Fedora's way for bots).</summary>
    Kerberos,
    /// <summary><c>sslLogin</c> at <c>{hub}/ssllogin</c> with a TLS client certificate.</summary>
    Certificate,
    /// <summary><c>login(user, password)</c>, for hubs that allow passwords.</summary>
    Password,
}

/// <summary>
/// The login Koji writes will use: Kerberos when <c>KRB5_KEYTAB</c> and <c>KRB5_PRINCIPAL</c> are set, else the client
/// certificate (<c>KOJI_CLIENT_CERT</c>), else the password (<c>KOJI_USER</c>/<c>KOJI_PASSWORD</c>). Plans and the
/// services check print <see cref="Description"/>, which names no secret.
/// </summary>
public sealed record KojiLogin(KojiLoginMethod Method, string Description)
{
    public static KojiLogin For(Credentials credentials) => credentials switch
    {
        { HasKerberos: true } => new(KojiLoginMethod.Kerberos, $"Kerberos (sslLogin with HTTP Negotiate as {credentials.Krb5Principal})"),
        { KojiClientCert: not null } => new(KojiLoginMethod.Certificate, "client certificate (sslLogin, KOJI_CLIENT_CERT)"),
        { KojiUser: { } user, KojiPassword: not null } => new(KojiLoginMethod.Password, $"password (login as {user})"),
        _ => new(KojiLoginMethod.None, "none: Koji writes fail (set KRB5_KEYTAB and KRB5_PRINCIPAL, KOJI_CLIENT_CERT, or KOJI_USER and KOJI_PASSWORD)"),
    };

    public override string ToString() => Description;
}

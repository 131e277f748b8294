using System.Net;

namespace Releng.Jobs.Kerberos;

/// <summary>
/// HTTP Negotiate (SPNEGO/Kerberos) with .NET's own support: the process's default credentials, that is the ticket
/// the native GSSAPI library finds through <c>KRB5CCNAME</c> or gets from <c>KRB5_CLIENT_KTNAME</c>. The credentials
/// are offered only under <paramref name="prefix"/>, so no other host is ever sent a Kerberos token.
/// </summary>
public static class NegotiateHandler
{
    public static SocketsHttpHandler Create(Uri prefix, SocketsHttpHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler();
        handler.Credentials = new CredentialCache { { prefix, "Negotiate", CredentialCache.DefaultNetworkCredentials } };
        return handler;
    }
}

/// <summary>
/// Sets the <c>Host</c> header to the URL's own host. .NET builds the Kerberos service name from the Host header
/// when one is set (port and all), and otherwise from the DNS canonical name of the host, which behind a CNAME or a
/// proxy pool is a name the realm has no <c>HTTP/</c> principal for; koji's and fasjson-client's Python clients use
/// the URL's host. On a non-default port the header would put the port into the name, so there it is left alone.
/// </summary>
public sealed class KerberosServiceNameHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsDefaultPort: true } uri && request.Headers.Host is null)
        {
            request.Headers.Host = uri.IdnHost;
        }
        return base.SendAsync(request, cancellationToken);
    }
}

using System.Security.Cryptography.X509Certificates;

namespace Releng.Jobs.Koji;

/// <summary>
/// Loads the client certificate for <c>sslLogin</c> from <c>KOJI_CLIENT_CERT</c>: either the PEM text itself
/// (certificate and key, as a CI secret holds it) or the path of a PEM file (Koji's usual <c>client.pem</c>) or of a
/// PKCS#12 file.
/// </summary>
public static class KojiClientCertificate
{
    public static bool IsPemText(string value) => value.Contains("-----BEGIN", StringComparison.Ordinal);

    public static X509Certificate2 Load(string value) =>
        IsPemText(value) ? X509Certificate2.CreateFromPem(value, value)
        : Path.GetExtension(value).ToLowerInvariant() is ".p12" or ".pfx" ? X509CertificateLoader.LoadPkcs12FromFile(value, password: null)
        : X509Certificate2.CreateFromPemFile(value);

    /// <summary>The primary handler of the <c>koji</c> client: with the certificate when one is configured and loads.</summary>
    public static SocketsHttpHandler CreateHandler(string? value)
    {
        var handler = new SocketsHttpHandler();
        if (value is not null && (IsPemText(value) || File.Exists(value)))
        {
            try
            {
                handler.SslOptions.ClientCertificates = [Load(value)];
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Reads work without it; LoginAsync reports the unusable certificate when a session is needed.
            }
        }
        return handler;
    }
}

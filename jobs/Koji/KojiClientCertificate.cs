using System.Security.Cryptography.X509Certificates;

namespace Releng.Jobs.Koji;

/// <summary>Loads the client certificate for <c>sslLogin</c>: a PEM file holding certificate and key (Koji's usual <c>client.pem</c>), or PKCS#12.</summary>
public static class KojiClientCertificate
{
    public static X509Certificate2 Load(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".p12" or ".pfx"
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password: null)
            : X509Certificate2.CreateFromPemFile(path);

    /// <summary>The primary handler of the <c>koji</c> client: with the certificate when one is configured and loads.</summary>
    public static HttpMessageHandler CreateHandler(string? path)
    {
        var handler = new SocketsHttpHandler();
        if (path is not null && File.Exists(path))
        {
            try
            {
                handler.SslOptions.ClientCertificates = [Load(path)];
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Reads work without it; LoginAsync reports the unusable certificate when a session is needed.
            }
        }
        return handler;
    }
}

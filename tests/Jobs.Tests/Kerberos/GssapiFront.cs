using System.Diagnostics;

namespace Releng.Jobs.Tests.Kerberos;

/// <summary>
/// An Apache httpd of its own (own configuration, free loopback port, stopped by its PID) with mod_auth_gssapi in
/// front of the sandbox's fakes, protected the way Fedora's are: FASJSON's <c>/v1/</c> and Koji's
/// <c>/kojihub/ssllogin</c> need a Kerberos ticket for <c>HTTP/localhost</c>; the rest of <c>/kojihub</c> and
/// FASJSON's <c>/specs/</c> are open. The authenticated principal reaches the Koji fake as its <c>REMOTE_USER</c>
/// header; a client's own such header is dropped.
/// </summary>
public sealed class GssapiFront : IAsyncDisposable
{
    private readonly Process _apache;
    private readonly string _root;

    private GssapiFront(Process apache, string root, int port)
    {
        _apache = apache;
        _root = root;
        Port = port;
    }

    public int Port { get; }
    /// <summary>By host name, not 127.0.0.1: the client asks for a ticket for <c>HTTP/&lt;URL host&gt;</c>.</summary>
    public Uri Fasjson => new($"http://localhost:{Port}/");
    public Uri KojiHub => new($"http://localhost:{Port}/kojihub");
    public string AccessLog => Read("access.log");
    public string ErrorLog => Read("error.log");

    public static async Task<GssapiFront> StartAsync(KerberosRealm realm, Uri fasjsonBackend, Uri kojiBackend)
    {
        var root = Path.Combine(realm.Root, "apache-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var port = Command.FreePort();
        var fasjson = fasjsonBackend.AbsoluteUri.TrimEnd('/');
        var koji = kojiBackend.AbsoluteUri.TrimEnd('/');
        var user = Environment.UserName == "root" ? "User www-data\nGroup www-data" : "";
        var gssapi = $"""
                AuthType GSSAPI
                AuthName "Kerberos"
                GssapiCredStore keytab:{realm.HttpKeytab}
                GssapiAllowedMech krb5
                GssapiBasicAuth Off
                GssapiLocalName Off
                Require valid-user
                RequestHeader unset Authorization
            """;
        var modules = KerberosTools.ApacheModules;
        const string remoteUser = "{REMOTE_USER}";
        var config = Path.Combine(root, "httpd.conf");
        await File.WriteAllTextAsync(config, $"""
            ServerRoot "{root}"
            ServerName localhost
            PidFile "{root}/httpd.pid"
            DefaultRuntimeDir "{root}"
            Mutex file:{root}
            Listen 127.0.0.1:{port}
            {user}
            LoadModule mpm_event_module {modules}/mod_mpm_event.so
            LoadModule authz_core_module {modules}/mod_authz_core.so
            LoadModule authn_core_module {modules}/mod_authn_core.so
            LoadModule authz_user_module {modules}/mod_authz_user.so
            LoadModule headers_module {modules}/mod_headers.so
            LoadModule proxy_module {modules}/mod_proxy.so
            LoadModule proxy_http_module {modules}/mod_proxy_http.so
            LoadModule auth_gssapi_module {modules}/mod_auth_gssapi.so
            StartServers 1
            ServerLimit 1
            ThreadsPerChild 16
            MaxRequestWorkers 16
            ErrorLog "{root}/error.log"
            LogLevel warn auth_gssapi:info
            LogFormat "%h \"%r\" %>s user=%u" short
            CustomLog "{root}/access.log" short
            RequestHeader unset X-Remote-User early
            ProxyPreserveHost On
            <Location "/v1/">
            {gssapi}
                ProxyPass "{fasjson}/v1/"
            </Location>
            <Location "/specs/">
                ProxyPass "{fasjson}/specs/"
            </Location>
            <Location "/kojihub">
                ProxyPass "{koji}"
            </Location>
            <Location "/kojihub/ssllogin">
            {gssapi}
                RequestHeader set X-Remote-User "expr=%{remoteUser}"
                ProxyPass "{koji}/ssllogin"
            </Location>
            """);
        var environment = new Dictionary<string, string>(realm.Environment) { ["KRB5_KTNAME"] = realm.HttpKeytab };
        var check = await Command.RunAsync(KerberosTools.Apache, ["-f", config, "-t"], environment);
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"apache2 refused its configuration: {check.All}");
        }
        var apache = Process.Start(Command.StartInfo(KerberosTools.Apache, ["-f", config, "-DFOREGROUND"], environment))!;
        apache.StandardInput.Close();
        _ = apache.StandardOutput.ReadToEndAsync();
        _ = apache.StandardError.ReadToEndAsync();
        var front = new GssapiFront(apache, root, port);
        await Command.WaitForPortAsync(port, () => front.ErrorLog);
        return front;
    }

    private string Read(string file)
    {
        var path = Path.Combine(_root, file);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    public ValueTask DisposeAsync()
    {
        Command.Terminate(_apache);
        _apache.Dispose();
        return ValueTask.CompletedTask;
    }
}

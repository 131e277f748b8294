using System.Diagnostics;
using System.Security.Cryptography;

namespace Releng.Jobs.Tests.Kerberos;

/// <summary>
/// A real MIT KDC for a throwaway realm <c>TEST.LOCAL</c> in a temporary directory, on a free loopback port: the
/// service principal <c>HTTP/localhost</c> for Apache, the bot <c>releng-bot</c> (its keytab, and a stale keytab
/// from before its key was changed) and a <c>stranger</c> the hubs do not know. Nothing in /etc is read or written.
/// The KDC is stopped by its PID.
/// </summary>
public sealed class KerberosRealm : IAsyncLifetime
{
    public const string Realm = "TEST.LOCAL";
    public const string BotPrincipal = "releng-bot@" + Realm;
    public const string StrangerPrincipal = "stranger@" + Realm;

    private Process? _kdc;

    public string Root { get; private set; } = "";
    public int Port { get; private set; }
    public string ConfigFile => Path.Combine(Root, "etc", "krb5.conf");
    public string KdcProfile => Path.Combine(Root, "etc", "kdc.conf");
    public string HttpKeytab => Path.Combine(Root, "keytabs", "http.keytab");
    public string BotKeytab => Path.Combine(Root, "keytabs", "bot.keytab");
    /// <summary>The bot's keytab from before its key was changed (an older kvno): what a forgotten secret holds.</summary>
    public string StaleBotKeytab => Path.Combine(Root, "keytabs", "bot-stale.keytab");
    public string StrangerKeytab => Path.Combine(Root, "keytabs", "stranger.keytab");
    public string KdcLog => Path.Combine(Root, "kdc", "kdc.log");

    /// <summary>What every program of the set-up runs with.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["KRB5_CONFIG"] = ConfigFile,
        ["KRB5_KDC_PROFILE"] = KdcProfile,
    };

    public async Task InitializeAsync()
    {
        if (System.Environment.GetEnvironmentVariable("CI") != "true" && KerberosTools.Missing().Count > 0)
        {
            return; // the tests are skipped; KerberosFact says why
        }
        KerberosTools.Require();
        Root = Directory.CreateTempSubdirectory("releng-kdc-").FullName;
        // Apache's workers (www-data when the tests run as root) read the service keytab and the configuration.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        foreach (var directory in new[] { "etc", "kdc", "keytabs" })
        {
            Directory.CreateDirectory(Path.Combine(Root, directory));
        }
        Port = Command.FreePort();
        await File.WriteAllTextAsync(ConfigFile, $$"""
            [libdefaults]
                default_realm = {{Realm}}
                dns_lookup_realm = false
                dns_lookup_kdc = false
                rdns = false
                dns_canonicalize_hostname = false
                udp_preference_limit = 0
            [realms]
                {{Realm}} = {
                    kdc = 127.0.0.1:{{Port}}
                }
            [domain_realm]
                localhost = {{Realm}}
            """);
        var kdc = Path.Combine(Root, "kdc");
        await File.WriteAllTextAsync(KdcProfile, $$"""
            [kdcdefaults]
                kdc_listen = 127.0.0.1:{{Port}}
                kdc_tcp_listen = 127.0.0.1:{{Port}}
            [realms]
                {{Realm}} = {
                    database_name = {{kdc}}/principal
                    key_stash_file = {{kdc}}/stash
                    acl_file = {{kdc}}/kadm5.acl
                    max_life = 10h
                }
            [logging]
                kdc = FILE:{{KdcLog}}
            """);
        await File.WriteAllTextAsync(Path.Combine(kdc, "kadm5.acl"), "");
        var master = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await Command.CheckedAsync(KerberosTools.KdbUtil, ["create", "-s", "-r", Realm, "-P", master], Environment);
        await Kadmin($"addprinc -randkey HTTP/localhost@{Realm}");
        await Kadmin($"addprinc -randkey {BotPrincipal}");
        await Kadmin($"addprinc -randkey {StrangerPrincipal}");
        await Kadmin($"ktadd -k {HttpKeytab} HTTP/localhost@{Realm}");
        // ktadd gives the principal a new key each time: the first keytab is stale once the second is written.
        await Kadmin($"ktadd -k {StaleBotKeytab} {BotPrincipal}");
        await Kadmin($"ktadd -k {BotKeytab} {BotPrincipal}");
        await Kadmin($"ktadd -k {StrangerKeytab} {StrangerPrincipal}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(HttpKeytab, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        _kdc = Process.Start(Command.StartInfo(KerberosTools.Kdc, ["-n", "-P", Path.Combine(kdc, "krb5kdc.pid")], Environment))!;
        _kdc.StandardInput.Close();
        _ = _kdc.StandardOutput.ReadToEndAsync();
        _ = _kdc.StandardError.ReadToEndAsync();
        await Command.WaitForPortAsync(Port, () => File.Exists(KdcLog) ? File.ReadAllText(KdcLog) : "no KDC log");
    }

    private Task Kadmin(string query) => Command.CheckedAsync(KerberosTools.KadminLocal, ["-r", Realm, "-q", query], Environment);

    public Task DisposeAsync()
    {
        if (_kdc is not null)
        {
            Command.Terminate(_kdc);
            _kdc.Dispose();
        }
        if (Root.Length > 0 && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
        return Task.CompletedTask;
    }
}

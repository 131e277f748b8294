namespace Releng.Jobs.Tests.Kerberos;

/// <summary>The programs of the Kerberos test set-up, where Debian installs them.</summary>
internal static class KerberosTools
{
    public const string Kdc = "/usr/sbin/krb5kdc";
    public const string KdbUtil = "/usr/sbin/kdb5_util";
    public const string KadminLocal = "/usr/sbin/kadmin.local";
    public const string Kinit = "/usr/bin/kinit";
    public const string Apache = "/usr/sbin/apache2";
    public const string ApacheModules = "/usr/lib/apache2/modules";
    public const string GssapiModule = ApacheModules + "/mod_auth_gssapi.so";

    public static IReadOnlyList<string> Missing() =>
        new[] { Kdc, KdbUtil, KadminLocal, Kinit, Apache, GssapiModule }.Where(path => !File.Exists(path)).Select(Path.GetFileName).OfType<string>().ToList();

    public static void Require()
    {
        if (Missing() is { Count: > 0 } missing)
        {
            throw new InvalidOperationException(
                $"The Kerberos tests need {string.Join(", ", missing)}, which are not installed. Run .ci/install-tools.sh (as root, or with sudo).");
        }
    }
}

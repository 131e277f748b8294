using Releng.Jobs.Kerberos;
using Releng.Jobs.Planning;
using Releng.Jobs.Secrets;

namespace Releng.Build.Context;

/// <summary>The Kerberos part of the services check: what is set and what build.sh prepared. Contacts nothing.</summary>
public static class KerberosReport
{
    public static void Write(IRunLog log, Credentials credentials, KerberosEnvironment kerberos)
    {
        log.Information("Kerberos (the bot's keytab; checked without contacting anything):");
        log.Information($"  {"KRB5_PRINCIPAL",-18} {(credentials.Krb5Principal is { } principal ? $"present: {principal}" : "absent")}");
        log.Information($"  {"KRB5_KEYTAB",-18} {credentials.Krb5Keytab switch
        {
            null => "absent",
            { } keytab when KeytabSource.IsPath(keytab) => "present: a keytab file",
            _ => "present: base64 (written to a private file for the run by build.sh)",
        }}");
        if (!credentials.HasKerberos)
        {
            log.Information("  (no Kerberos: FASJSON cannot be read, and Koji needs a certificate or a password)");
            return;
        }
        log.Information($"  {"library keytab",-18} {(kerberos.Problem(credentials) is { } problem ? $"NOT READY: {problem}" : kerberos.ClientKeytabFile)}");
        log.Information($"  {"krb5 config",-18} {kerberos.Config ?? "the system's (/etc/krb5.conf): KRB5_CONFIG is not set"}");
        log.Information($"  {"ticket cache",-18} {kerberos.DescribeCache()}");
    }
}

namespace Releng.Jobs.Tests.Kerberos;

/// <summary>
/// A test that needs a real MIT KDC and Apache with mod_auth_gssapi. Outside CI it is skipped, with the reason, when
/// they are not installed; under <c>CI=true</c> it always runs (and fails when they are missing: .ci/run installs them).
/// </summary>
public sealed class KerberosFactAttribute : FactAttribute
{
    public KerberosFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && KerberosTools.Missing() is { Count: > 0 } missing)
        {
            Skip = $"needs {string.Join(", ", missing)} (Debian: apt-get install krb5-kdc krb5-admin-server krb5-user apache2 libapache2-mod-auth-gssapi, or run .ci/install-tools.sh)";
        }
    }
}

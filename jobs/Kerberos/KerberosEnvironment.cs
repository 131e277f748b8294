using Releng.Jobs.Secrets;

namespace Releng.Jobs.Kerberos;

/// <summary>
/// What the native Kerberos library of this process was started with. It reads <c>KRB5_CONFIG</c>,
/// <c>KRB5CCNAME</c> and <c>KRB5_CLIENT_KTNAME</c> from the C environment when the process starts, so only the script
/// that starts the process (build.sh, build.ps1, through build/krb5/with-kerberos.sh) can set them; this type only
/// reads and reports them.
/// </summary>
public sealed record KerberosEnvironment(string? ClientKeytab, string? CredentialCache, string? Config)
{
    /// <summary>The variables the native library reads at process start (and a child process inherits).</summary>
    public static IReadOnlyList<string> VariableNames { get; } = ["KRB5_CONFIG", "KRB5CCNAME", "KRB5_CLIENT_KTNAME"];

    public static KerberosEnvironment FromProcess(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => read(name) is { Length: > 0 } value ? value : null;
        return new KerberosEnvironment(Get("KRB5_CLIENT_KTNAME"), Get("KRB5CCNAME"), Get("KRB5_CONFIG"));
    }

    /// <summary>The keytab file the library takes tickets from, without the <c>FILE:</c> prefix.</summary>
    public string? ClientKeytabFile => ClientKeytab is { } name
        ? name.StartsWith("FILE:", StringComparison.Ordinal) ? name["FILE:".Length..] : name
        : null;

    /// <summary>
    /// Null when a Kerberos login can be tried; otherwise one line saying what is missing. Contacts nothing: a wrong
    /// or stale key shows only when a service refuses the ticket.
    /// </summary>
    public string? Problem(Credentials credentials)
    {
        if (!credentials.HasKerberos)
        {
            return credentials.Krb5Keytab is null && credentials.Krb5Principal is null
                ? "KRB5_KEYTAB and KRB5_PRINCIPAL are not set"
                : $"{(credentials.Krb5Keytab is null ? "KRB5_KEYTAB" : "KRB5_PRINCIPAL")} is not set (Kerberos needs both)";
        }
        if (ClientKeytabFile is not { } keytab)
        {
            return "KRB5_KEYTAB is set but KRB5_CLIENT_KTNAME is not: start the run with ./build.sh (or build.ps1), which prepares the keytab before the process starts";
        }
        return File.Exists(keytab) ? null : $"the keytab file named by KRB5_CLIENT_KTNAME does not exist ({keytab})";
    }

    /// <summary>Where tickets are kept, for the services check: a memory cache leaves nothing on disk.</summary>
    public string DescribeCache() => CredentialCache switch
    {
        null => "the library's default cache (KRB5CCNAME not set)",
        { } name when name.StartsWith("MEMORY:", StringComparison.Ordinal) => "in memory, private to the process",
        { } name => name,
    };
}

namespace Releng.Jobs.Secrets;

/// <summary>
/// Every credential the jobs use, read from the environment only. This is the one place that names the
/// variables, so the masker and the services check can list them all.
/// </summary>
public sealed record Credentials(
    string? PagureToken,
    string? DistGitToken,
    string? BugzillaApiKey,
    string? KojiUser,
    string? KojiPassword,
    string? KojiClientCert,
    string? GitHubToken,
    string? RegistryUser,
    string? RegistryPassword,
    string? Krb5Keytab = null,
    string? Krb5Principal = null,
    string? ForgeToken = null)
{
    public static IReadOnlyList<string> VariableNames { get; } =
    [
        "PAGURE_TOKEN", "DISTGIT_TOKEN", "BUGZILLA_API_KEY", "KOJI_USER", "KOJI_PASSWORD", "KOJI_CLIENT_CERT",
        "GITHUB_TOKEN", "REGISTRY_USER", "REGISTRY_PASSWORD", "DISTGIT_SSH_KEY", "DISTGIT_SSH_KNOWN_HOSTS",
        "KRB5_KEYTAB", "KRB5_PRINCIPAL", "FORGE_TOKEN", "FORGE_WEBHOOK_SECRET",
    ];

    /// <summary>The secret the forge signs its webhook deliveries with; only the relay reads it.</summary>
    public string? ForgeWebhookSecret { get; init; }

    /// <summary>Private key (OpenSSH text) for pushing to an <c>ssh://</c> dist-git.</summary>
    public string? DistGitSshKey { get; init; }

    /// <summary><c>known_hosts</c> lines pinning dist-git's SSH host keys; public, but a secret keeps them with the key.</summary>
    public string? DistGitSshKnownHosts { get; init; }

    /// <summary>
    /// The bot's Kerberos pair: a keytab (base64, as a CI secret holds it, or a path) and its principal. build.sh turns
    /// it into a private keytab file and the native library's environment before the process starts.
    /// </summary>
    public bool HasKerberos => Krb5Keytab is not null && Krb5Principal is not null;

    /// <param name="names">The variable names to look at for per-registry logins; default the process environment's.</param>
    public static Credentials FromEnvironment(Func<string, string?>? read = null, IEnumerable<string>? names = null)
    {
        names ??= read is null ? null : [];
        read ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => read(name) is { Length: > 0 } value ? value : null;
        return new Credentials(
            Get("PAGURE_TOKEN"), Get("DISTGIT_TOKEN"), Get("BUGZILLA_API_KEY"), Get("KOJI_USER"), Get("KOJI_PASSWORD"),
            Get("KOJI_CLIENT_CERT"), Get("GITHUB_TOKEN"), Get("REGISTRY_USER"), Get("REGISTRY_PASSWORD"),
            Get("KRB5_KEYTAB"), Get("KRB5_PRINCIPAL"), Get("FORGE_TOKEN"))
        {
            DistGitSshKey = Get("DISTGIT_SSH_KEY"),
            DistGitSshKnownHosts = Get("DISTGIT_SSH_KNOWN_HOSTS"),
            ForgeWebhookSecret = Get("FORGE_WEBHOOK_SECRET"),
            Registries = RegistryLogins.FromEnvironment(read, names),
        };
    }

    /// <summary>Per-registry logins (<c>REGISTRY_&lt;NAME&gt;_USER</c>/<c>_PASSWORD</c>/<c>_AUTH_FILE</c>); the shared pair is the fallback.</summary>
    public RegistryLogins Registries { get; init; } = RegistryLogins.None;

    /// <summary>Variable name → whether it is set; values never leave this type except to the clients.</summary>
    public IReadOnlyList<(string Variable, bool Present)> Presence() =>
    [
        ("PAGURE_TOKEN", PagureToken is not null), ("DISTGIT_TOKEN", DistGitToken is not null),
        ("BUGZILLA_API_KEY", BugzillaApiKey is not null), ("KOJI_USER", KojiUser is not null),
        ("KOJI_PASSWORD", KojiPassword is not null), ("KOJI_CLIENT_CERT", KojiClientCert is not null),
        ("GITHUB_TOKEN", GitHubToken is not null), ("REGISTRY_USER", RegistryUser is not null),
        ("REGISTRY_PASSWORD", RegistryPassword is not null), ("DISTGIT_SSH_KEY", DistGitSshKey is not null),
        ("DISTGIT_SSH_KNOWN_HOSTS", DistGitSshKnownHosts is not null),
        ("KRB5_KEYTAB", Krb5Keytab is not null), ("KRB5_PRINCIPAL", Krb5Principal is not null),
        ("FORGE_TOKEN", ForgeToken is not null), ("FORGE_WEBHOOK_SECRET", ForgeWebhookSecret is not null),
        .. Registries.Names.Select(name => (name, true)),
    ];

    /// <summary>
    /// Which variables are set, never their values: a record's generated <c>ToString</c> would print every secret into
    /// whatever log, exception or interpolated string the credentials end up in.
    /// </summary>
    public override string ToString() =>
        $"Credentials {{ {string.Join(", ", Presence().Select(p => $"{p.Variable} {(p.Present ? "set" : "unset")}"))} }}";

    /// <summary>
    /// The secret values, for masking. User names and a client-certificate path are not secret and are not masked;
    /// a client certificate given as PEM text and an SSH key are, whole and line by line (a log may quote one line of it).
    /// So is a keytab given as base64 (a keytab path and the principal are not secret).
    /// </summary>
    public IEnumerable<string> Values()
    {
        var values = new[] { PagureToken, DistGitToken, BugzillaApiKey, KojiPassword, GitHubToken, RegistryPassword, ForgeToken, ForgeWebhookSecret }.OfType<string>()
            .Concat(Registries.Secrets);
        if (RegistryUser is not null && RegistryPassword is not null)
        {
            values = values.Append(AuthFileSecrets.AuthOf(RegistryUser, RegistryPassword));
        }
        if (Krb5Keytab is { } keytab && !Kerberos.KeytabSource.IsPath(keytab))
        {
            values = values.Append(keytab).Concat(keytab.Split('\n', StringSplitOptions.TrimEntries).Where(line => line.Length >= 16));
        }
        foreach (var pem in new[] { KojiClientCert, DistGitSshKey })
        {
            if (pem is not null && pem.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                values = values.Append(pem).Concat(pem.Split('\n', StringSplitOptions.TrimEntries).Where(line => line.Length >= 16 && !line.StartsWith("-----", StringComparison.Ordinal)));
            }
        }
        return values;
    }
}

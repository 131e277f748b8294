namespace Releng.Jobs.Workflows;

/// <summary>
/// What a task's workflow needs beyond the common steps: the secrets its run step gets as environment variables
/// (and nothing more, so a job cannot use a credential it has no business with) and how long it may run.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>task</term><description>secrets, why</description></listheader>
/// <item><term>unretire</term><description>PAGURE_TOKEN (comment on and close tickets), DISTGIT_TOKEN (revert the
/// retirement commit), KOJI_USER/KOJI_PASSWORD/KOJI_CLIENT_CERT (unblock the package), BUGZILLA_API_KEY (check the
/// review bug of packages retired for more than 8 weeks), KRB5_KEYTAB/KRB5_PRINCIPAL (Koji login and FASJSON)</description></item>
/// <item><term>scm-requests</term><description>PAGURE_TOKEN (tickets), DISTGIT_TOKEN (create repositories and
/// branches), BUGZILLA_API_KEY (validate the review bug), KRB5_KEYTAB/KRB5_PRINCIPAL (FASJSON)</description></item>
/// <item><term>base-image-rebuild</term><description>KOJI_USER/KOJI_PASSWORD/KOJI_CLIENT_CERT or
/// KRB5_KEYTAB/KRB5_PRINCIPAL (submit the image build)</description></item>
/// <item><term>base-image-push</term><description>REGISTRY_USER/REGISTRY_PASSWORD (push to the registries; Koji is
/// only read)</description></item>
/// </list>
/// A task not listed gets no secret and a one-hour timeout: it can plan, and its writes fail loudly until it is
/// added here.
/// </remarks>
public sealed record TaskWorkflowProfile(IReadOnlyList<string> Secrets, int TimeoutMinutes, bool InstallsTools = false)
{
    /// <summary>The bot's keytab: Kerberos logins to Koji and FASJSON reads (who is a packager, who is in releng).</summary>
    public static IReadOnlyList<string> Kerberos { get; } = ["KRB5_KEYTAB", "KRB5_PRINCIPAL"];

    private static readonly string[] Koji = ["KOJI_USER", "KOJI_PASSWORD", "KOJI_CLIENT_CERT", .. Kerberos];

    public static IReadOnlyDictionary<string, TaskWorkflowProfile> Known { get; } = new Dictionary<string, TaskWorkflowProfile>(StringComparer.Ordinal)
    {
        ["unretire"] = new(["PAGURE_TOKEN", "DISTGIT_TOKEN", .. Koji, "BUGZILLA_API_KEY"], 30),
        ["scm-requests"] = new(["PAGURE_TOKEN", "DISTGIT_TOKEN", "BUGZILLA_API_KEY", .. Kerberos], 30),
        ["base-image-rebuild"] = new([.. Koji], 60),
        // skopeo copies the images; .ci/install-tools.sh makes sure it is there.
        ["base-image-push"] = new(["REGISTRY_USER", "REGISTRY_PASSWORD"], 90, InstallsTools: true),
    };

    public static TaskWorkflowProfile Unknown { get; } = new([], 60);

    /// <summary>Jobs with the keytab get the Kerberos client libraries (.ci/install-kerberos.sh client).</summary>
    public bool UsesKerberos => Secrets.Contains("KRB5_KEYTAB");

    public static TaskWorkflowProfile For(string task) => Known.GetValueOrDefault(task) ?? Unknown;
}

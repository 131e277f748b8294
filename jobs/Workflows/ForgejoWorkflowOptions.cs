namespace Releng.Jobs.Workflows;

/// <summary>
/// What the generated Forgejo Actions workflows share. Forgejo resolves a short <c>uses:</c> name against its own
/// default actions server, so every action is named by full URL.
/// </summary>
public sealed record ForgejoWorkflowOptions
{
    /// <summary>
    /// The runner label <c>runs-on</c> asks for. <c>docker</c> is the label forgejo-runner registers by default (a
    /// Debian container); Fedora Forge's shared runners declare theirs in fedora-infra's ansible repository
    /// (<c>roles/openshift-apps/forgejo/runners/</c>). Change it here when the runner serving this repository
    /// carries another label.
    /// </summary>
    public string RunsOn { get; init; } = "docker";

    public string CheckoutAction { get; init; } = "https://code.forgejo.org/actions/checkout@v4";
    public string SetupDotnetAction { get; init; } = "https://github.com/actions/setup-dotnet@v4";
    public string CacheAction { get; init; } = "https://code.forgejo.org/actions/cache@v4";

    /// <summary>Forgejo's own build of upload-artifact v4: GitHub's v4 talks to an artifact service Forgejo does not have.</summary>
    public string UploadArtifactAction { get; init; } = "https://code.forgejo.org/forgejo/upload-artifact@v4";

    public string DotnetVersion { get; init; } = "10.0.x";

    /// <summary>The <c>--env</c> scheduled, dispatched and ticket-event runs talk to.</summary>
    public string Environment { get; init; } = "fedora";

    public int AuditRetentionDays { get; init; } = 90;

    /// <summary>
    /// Whether a run for an <c>issues</c> or <c>issue_comment</c> event acts when jobs.yaml says <c>apply: true</c>,
    /// like a scheduled run. When false, ticket-event runs only plan.
    /// </summary>
    public bool TicketEventsFollowApply { get; init; } = true;

    public static ForgejoWorkflowOptions Default { get; } = new();
}

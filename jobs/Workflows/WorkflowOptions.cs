namespace Releng.Jobs.Workflows;

/// <summary>What every generated workflow shares: runner, actions, .NET version, target environment, retention.</summary>
public sealed record WorkflowOptions
{
    public string RunsOn { get; init; } = "ubuntu-latest";
    public string CheckoutAction { get; init; } = "actions/checkout@v4";
    public string SetupDotnetAction { get; init; } = "actions/setup-dotnet@v4";
    public string UploadArtifactAction { get; init; } = "actions/upload-artifact@v4";
    public string CacheAction { get; init; } = "actions/cache@v4";
    public string DotnetVersion { get; init; } = "10.0.x";

    /// <summary>The <c>--env</c> scheduled and dispatched runs talk to.</summary>
    public string Environment { get; init; } = "fedora";

    /// <summary>The branch CI tests on push; pull requests against it are tested too.</summary>
    public string MainBranch { get; init; } = "main";

    /// <summary>
    /// Days the audit artifact is kept. 90 is GitHub's default and the most a public repository allows; the
    /// decisive facts are mirrored into ticket comments, which are kept for good.
    /// </summary>
    public int AuditRetentionDays { get; init; } = 90;

    /// <summary>
    /// Whether a <c>repository_dispatch</c> run acts when jobs.yaml says <c>apply: true</c>, like a scheduled run
    /// (both are automatic triggers of the same job). When false, webhook runs only plan.
    /// </summary>
    public bool RepositoryDispatchFollowsApply { get; init; } = true;

    public static WorkflowOptions Default { get; } = new();
}

namespace Releng.Jobs.ScmRequests;

/// <summary>The kinds of hidden markers the job leaves in its ticket comments (its only state).</summary>
public static class ScmMarkers
{
    public const string Processed = "scm-processed";

    /// <summary>Posted right before this ticket's run creates a branch; its <c>branch</c> field names it.</summary>
    public const string CreatingBranch = "scm-creating-branch";
    public const string Invalid = "scm-invalid";
    public const string NeedsHuman = "scm-needs-human";
    public const string AwaitValid = "scm-await-valid";
    public const string Help = "scm-help";
    public const string Refusal = "scm-refusal";
}

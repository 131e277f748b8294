namespace Releng.Jobs.ScmRequests;

/// <summary>
/// The answer of <see cref="ScmBranchRights"/>: allowed, or the refusal to post; <see cref="NeedsHuman"/> when only a
/// person can tell (a collaborator whose branch patterns cannot be read). <see cref="Evidence"/> is for the plan.
/// </summary>
public sealed record BranchRights(string? Refusal, bool NeedsHuman, string Evidence)
{
    public static BranchRights Allowed(string evidence) => new(null, false, evidence);
    public static BranchRights Refused(string refusal, string evidence) => new(refusal, false, evidence);
    public static BranchRights Human(string refusal, string evidence) => new(refusal, true, evidence);
}

namespace Releng.Jobs.DistGit;

public enum RevertStatus
{
    /// <summary>A revert commit was made and pushed.</summary>
    Reverted,

    /// <summary>The branch has no <c>dead.package</c> at its head: nothing to revert (a previous run, or a person, did it).</summary>
    AlreadyReverted,

    /// <summary>Not reverted, for the reason in <see cref="BranchRevert.Detail"/>; a human should look.</summary>
    Refused,
}

/// <summary>What happened to one branch of an unretirement revert.</summary>
/// <param name="Commit">The revert commit now at the branch head (Reverted), the earlier revert found by the ticket URL (AlreadyReverted, if any).</param>
public sealed record BranchRevert(string Branch, RevertStatus Status, string? Commit, string Detail);

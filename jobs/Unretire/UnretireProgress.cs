using Releng.Jobs.DistGit;

namespace Releng.Jobs.Unretire;

/// <summary>
/// What the steps of one ticket did, collected as they run so the final comment can link to it. A step that finds
/// its work already done fills it in too (the revert commit found by the ticket URL), so a resumed run says the same.
/// </summary>
public sealed class UnretireProgress
{
    public List<BranchRevert> Reverts { get; } = [];
    public List<(string Tag, bool Unblocked)> Unblocked { get; } = [];
    public string? NewMainAdmin { get; set; }
}

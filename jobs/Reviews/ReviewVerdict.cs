using Releng.Jobs.Bugzilla;

namespace Releng.Jobs.Reviews;

/// <summary>
/// The outcome of validating one review bug: the bug as read (null when it could not be) and what is wrong with it.
/// <see cref="UnknownBecause"/> is set when the rules that ask who someone is could not be judged (the account
/// directory did not answer): such a verdict is neither valid nor a refusal.
/// </summary>
public sealed record ReviewVerdict(int BugId, Bug? Bug, IReadOnlyList<ReviewProblem> Problems, string? UnknownBecause = null)
{
    public bool IsKnown => UnknownBecause is null;

    public bool IsValid => IsKnown && Problems.Count == 0;
}

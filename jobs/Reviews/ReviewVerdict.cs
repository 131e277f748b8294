using Releng.Jobs.Bugzilla;

namespace Releng.Jobs.Reviews;

/// <summary>The outcome of validating one review bug: the bug as read (null when it could not be) and what is wrong with it.</summary>
public sealed record ReviewVerdict(int BugId, Bug? Bug, IReadOnlyList<ReviewProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

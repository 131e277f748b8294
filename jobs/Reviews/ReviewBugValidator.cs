using Releng.Jobs.Accounts;
using Releng.Jobs.Bugzilla;

namespace Releng.Jobs.Reviews;

/// <summary>Reads a review bug and applies <see cref="ReviewBugRules"/> at the current time.</summary>
public sealed class ReviewBugValidator(IBugzilla bugzilla, IAccountDirectory directory, TimeProvider time)
{
    /// <summary>
    /// A bug that cannot be read (missing, private, Bugzilla down) is a verdict with one
    /// <see cref="ReviewRule.BugFetchable"/> problem, not an exception: the job reports it like any other refusal.
    /// An account directory that cannot answer makes the verdict unknown, never a refusal on a guess.
    /// </summary>
    public async Task<ReviewVerdict> ValidateAsync(int bugId, ReviewRequest request, CancellationToken cancellationToken = default)
    {
        Bug bug;
        try
        {
            bug = await bugzilla.GetBugAsync(bugId, cancellationToken);
        }
        catch (BugzillaException e)
        {
            return new ReviewVerdict(bugId, null, [ReviewBugRules.NotVerifiable(e)]);
        }
        try
        {
            var problems = await ReviewBugRules.CheckAsync(bug, request, directory, time.GetUtcNow(), cancellationToken);
            return new ReviewVerdict(bugId, bug, problems);
        }
        catch (AccountDirectoryUnavailableException e)
        {
            return new ReviewVerdict(bugId, bug, [], e.Message);
        }
    }
}

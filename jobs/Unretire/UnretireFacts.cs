using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Everything the checks read about one ticket, at <see cref="Now"/>. Nothing here is a judgement; that is
/// <see cref="UnretireAssessment"/>'s job.
/// </summary>
/// <param name="Project">Null when the package does not exist in dist-git.</param>
/// <param name="Requester">The ticket author's Fedora account: none when FAS has no such account, unknown when the account directory could not answer.</param>
/// <param name="Recipient">The account that gets an orphaned package, the same way.</param>
/// <param name="RecipientInDistGit">Whether the recipient has logged in to dist-git (null: not asked).</param>
/// <param name="Review">The review bug's verdict when a bug was given and is needed.</param>
public sealed record UnretireFacts(
    UnretireRequest Request,
    string TicketUrl,
    DistGitProject? Project,
    Uri ProjectUrl,
    IReadOnlyList<BranchFacts> Branches,
    AccountFact Requester,
    AccountFact Recipient,
    bool? RecipientInDistGit,
    ReviewVerdict? Review,
    Uri? ReviewBugUrl,
    DateTimeOffset Now)
{
    /// <summary>
    /// Why who someone is cannot be told now (the account directory did not answer), for the requester, the recipient
    /// or the review bug's people; null when every account fact is known.
    /// </summary>
    public string? AccountsUnknownBecause => Requester.UnknownBecause ?? Recipient.UnknownBecause ?? Review?.UnknownBecause;

    public IEnumerable<BranchFacts> Retired => Branches.Where(b => b.IsRetired);

    /// <summary>Retired more than 8 weeks ago on some branch that is not exempt (EPEL while Fedora is alive).</summary>
    public bool ReviewRequired => Branches.Any(b => b is { IsRetired: true, ReviewExempt: false, Retirement: { } r }
        && UnretirementReviewPolicy.IsReviewRequired(r.AuthorDate, Now));

    public Uri CommitUrl(string hash) => new($"{ProjectUrl.AbsoluteUri.TrimEnd('/')}/c/{hash}");
}

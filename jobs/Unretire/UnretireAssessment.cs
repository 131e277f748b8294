using System.Text.RegularExpressions;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;

namespace Releng.Jobs.Unretire;

/// <summary>What the checks mean for a ticket, from the facts alone (no I/O, so every rule is unit-testable).</summary>
public enum UnretireVerdict
{
    /// <summary>Every check passes and no new review is needed.</summary>
    Ready,

    /// <summary>Every check passes; retired over 8 weeks ago, with a review bug that passes every rule.</summary>
    ReadyWithReview,

    /// <summary>Retired over 8 weeks ago and no review bug given: the requester must add one.</summary>
    NeedsReviewBug,

    /// <summary>No requested branch is retired any more (an earlier run or a person reverted it): only the rest remains.</summary>
    AlreadyUnretired,

    /// <summary>A rule says no; a release engineer has to look.</summary>
    Refused,

    /// <summary>
    /// No rule says no, but who the requester or recipient is cannot be told (the account directory did not answer):
    /// a person decides; nothing is unretired on a guess.
    /// </summary>
    AccountsUnknown,
}

/// <summary>Why an unretirement is refused: one kind per rule, with the sentence posted to the ticket.</summary>
public enum RefusalKind
{
    PackageMissing,
    BranchMissing,
    LegalReason,
    NotAtHead,
    NoKojiTag,
    NotInKoji,
    ReviewInvalid,
    RequesterNotAllowed,
    RecipientUnknown,
}

public sealed record Refusal(RefusalKind Kind, string Message);

public sealed partial record UnretireAssessment(UnretireVerdict Verdict, IReadOnlyList<Refusal> Refusals)
{
    public bool CanProcess => Verdict is UnretireVerdict.Ready or UnretireVerdict.ReadyWithReview or UnretireVerdict.AlreadyUnretired;

    public static bool IsLegalReason(string? text) => text is not null && LegalPattern().IsMatch(text);

    public static UnretireAssessment Of(UnretireFacts facts)
    {
        var refusals = new List<Refusal>();
        var request = facts.Request;
        if (facts.Project is null)
        {
            refusals.Add(new(RefusalKind.PackageMissing, $"`{request.Repo}` does not exist in dist-git; a new package needs a package review and a repository request instead"));
            return new(UnretireVerdict.Refused, refusals);
        }
        foreach (var branch in facts.Branches)
        {
            if (!branch.Exists)
            {
                refusals.Add(new(RefusalKind.BranchMissing,
                    $"branch `{branch.Branch}` does not exist in dist-git: that is a branch request (`fedpkg request-branch {branch.Branch}`), not an unretirement"));
                continue;
            }
            if (branch.IsRetired && (IsLegalReason(branch.DeadPackage) || IsLegalReason(branch.Retirement?.Message)))
            {
                refusals.Add(new(RefusalKind.LegalReason,
                    $"`{branch.Branch}` was retired for a legal or license reason; such packages are never unretired automatically"));
            }
            if (branch is { IsRetired: true, Retirement: { IsHead: false } retirement })
            {
                refusals.Add(new(RefusalKind.NotAtHead,
                    $"on `{branch.Branch}` the retiring commit {Short(retirement.Hash)} is not the branch head ({retirement.CommitsAfter} later commit(s)); reverting it needs a human"));
            }
            if (branch.KojiTag is null)
            {
                refusals.Add(new(RefusalKind.NoKojiTag,
                    $"`{branch.Branch}` has no active release in Bodhi, so there is no Koji tag to unblock (an end-of-life branch?)"));
            }
            else if (branch.IsRetired && branch.KojiBlocked is null)
            {
                refusals.Add(new(RefusalKind.NotInKoji,
                    $"`{request.Repo.Name}` is not in the package list of Koji tag `{branch.KojiTag}`; adding it needs a human"));
            }
        }
        if (facts.Requester is { IsKnown: true, IsPackager: false })
        {
            refusals.Add(new(RefusalKind.RequesterNotAllowed,
                $"@{request.Requester} is not in the `packager` group; only packagers can take over a package"));
        }
        else if (facts.Requester.IsKnown && !facts.Project.IsOrphaned && !facts.Project.HasUserAccess(request.Requester))
        {
            refusals.Add(new(RefusalKind.RequesterNotAllowed,
                $"the package is not orphaned (main admin: @{facts.Project.Owner}) and @{request.Requester} has no access to it; its maintainers must ask"));
        }
        if (facts.Project.IsOrphaned && request.Recipient != request.Requester && facts.Recipient is { IsKnown: true, IsPackager: false })
        {
            refusals.Add(new(RefusalKind.RecipientUnknown, $"@{request.Recipient}, who should get the package, is not in the `packager` group"));
        }
        else if (facts.Project.IsOrphaned && facts.RecipientInDistGit == false)
        {
            refusals.Add(new(RefusalKind.RecipientUnknown,
                $"@{request.Recipient} has never logged in to dist-git, so the package cannot be given to them; log in once at {facts.ProjectUrl.GetLeftPart(UriPartial.Authority)} and say `retry`"));
        }

        var anyRetired = facts.Retired.Any();
        if (anyRetired && facts.ReviewRequired && facts.Review is { IsValid: false } review)
        {
            refusals.AddRange(review.Problems.Select(p => new Refusal(RefusalKind.ReviewInvalid, $"review bug {review.BugId}: {p.Message}")));
        }

        if (refusals.Count > 0)
        {
            return new(UnretireVerdict.Refused, refusals);
        }
        if (facts.AccountsUnknownBecause is not null)
        {
            return new(UnretireVerdict.AccountsUnknown, refusals);
        }
        if (!anyRetired)
        {
            return new(UnretireVerdict.AlreadyUnretired, refusals);
        }
        if (facts.ReviewRequired)
        {
            return facts.Review is null
                ? new(UnretireVerdict.NeedsReviewBug, refusals)
                : new(UnretireVerdict.ReadyWithReview, refusals);
        }
        return new(UnretireVerdict.Ready, refusals);
    }

    internal static string Short(string hash) => $"`{hash[..Math.Min(10, hash.Length)]}`";

    [GeneratedRegex(@"\b(?:legal|licen[cs]e[sd]?|licensing|patent(?:s|ed)?|trademark)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LegalPattern();
}

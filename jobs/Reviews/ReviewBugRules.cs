using System.Text.RegularExpressions;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bugzilla;

namespace Releng.Jobs.Reviews;

/// <summary>
/// Whether a Bugzilla bug is a valid package review for a request, by the rules fedscm-admin enforced for SCM
/// requests (and releng applies to re-reviews for unretirements). Unlike fedscm-admin, which stopped at the first
/// failure, every failed rule is reported, so a packager can fix them all at once; rules that cannot be judged
/// because an earlier one failed (who approved a bug nobody approved) are not reported twice.
/// </summary>
public static partial class ReviewBugRules
{
    /// <summary>An approval older than this many days (counted in whole UTC days) no longer counts.</summary>
    public const int ApprovalValidDays = 60;

    public const string UnassignedEmail = "nobody@fedoraproject.org";

    /// <summary>The review component per dist-git namespace (the toddler's <c>pagure_namespace_to_component</c>).</summary>
    public static IReadOnlyDictionary<string, string> ComponentByNamespace { get; } = new Dictionary<string, string>
    {
        ["rpms"] = "Package Review",
        ["container"] = "Container Review",
        ["modules"] = "Module Review",
        ["test-modules"] = "Module Review",
    };

    /// <summary>The accepted products per dist-git namespace (the toddler's <c>pagure_namespace_to_product</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ProductsByNamespace { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["rpms"] = ["Fedora", "Fedora EPEL"],
            ["container"] = ["Fedora Container Images"],
            ["modules"] = ["Fedora Modules"],
            ["test-modules"] = ["Fedora"],
        };

    private const string EpelProduct = "Fedora EPEL";
    private static readonly string[] DefaultBranches = ["rawhide", "main", "master"];

    /// <summary>
    /// Namespaces whose new repositories need a review bug. <c>tests</c> has none; fedscm-admin also skipped
    /// <c>modules</c>; a request that claims an exception (see <see cref="ReviewMessages.ExceptionClaimed"/>) goes to a person.
    /// </summary>
    public static bool IsReviewRequired(string @namespace, bool exceptionClaimed = false) =>
        !exceptionClaimed && @namespace != "modules" && ComponentByNamespace.ContainsKey(@namespace);

    /// <summary>
    /// <c>el6</c>, <c>epel9</c>, and the minor-release branches <c>epel10.1</c> (fedscm-admin predates those; they
    /// are EPEL branches in Bugzilla's product sync too).
    /// </summary>
    public static bool IsEpelBranch(string branch) => EpelBranch().IsMatch(branch);

    /// <summary>The problem to report when the bug could not be read at all.</summary>
    public static ReviewProblem NotVerifiable(BugzillaException error) =>
        new(ReviewRule.BugFetchable, ReviewMessages.NotVerifiable(error.BugzillaMessage));

    /// <summary>Every rule the bug fails for this request, in rule order; empty when it is a valid review.</summary>
    /// <param name="now">The moment the 60-day validity is measured at.</param>
    /// <exception cref="ArgumentException">The namespace has no review rules (<see cref="ComponentByNamespace"/>).</exception>
    public static async Task<IReadOnlyList<ReviewProblem>> CheckAsync(
        Bug bug, ReviewRequest request, IAccountDirectory directory, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        if (!ComponentByNamespace.TryGetValue(request.Namespace, out var component))
        {
            throw new ArgumentException($"no review rules for the namespace '{request.Namespace}'", nameof(request));
        }
        var problems = new List<ReviewProblem>();
        void Fail(ReviewRule rule, string message) => problems.Add(new ReviewProblem(rule, message));

        if (request.Namespace == "rpms" && request.Branch is { } branch && !DefaultBranches.Contains(branch))
        {
            if (IsEpelBranch(branch) && bug.Product != EpelProduct)
            {
                Fail(ReviewRule.BranchMatchesProduct, ReviewMessages.EpelBranchNeedsEpelProduct(bug.Product));
            }
            else if (!IsEpelBranch(branch) && bug.Product == EpelProduct)
            {
                Fail(ReviewRule.BranchMatchesProduct, ReviewMessages.EpelProductNeedsEpelBranch(branch));
            }
        }

        if (!bug.Components.Contains(component, StringComparer.Ordinal))
        {
            Fail(ReviewRule.Component, ReviewMessages.NotProperType);
        }
        var products = ProductsByNamespace[request.Namespace];
        if (!products.Contains(bug.Product, StringComparer.Ordinal))
        {
            Fail(ReviewRule.Product, ReviewMessages.WrongProduct(products));
        }
        var assigned = !string.IsNullOrWhiteSpace(bug.AssignedTo)
            && !string.Equals(bug.AssignedTo, UnassignedEmail, StringComparison.OrdinalIgnoreCase);
        if (!assigned)
        {
            Fail(ReviewRule.Assigned, ReviewMessages.NotAssigned);
        }

        var creator = await directory.FindByEmailAsync(bug.Creator, cancellationToken);
        if (creator is null)
        {
            Fail(ReviewRule.CreatorInFas, ReviewMessages.CreatorNotInFas);
        }
        else if (!string.Equals(creator.User, request.Requester, StringComparison.Ordinal))
        {
            Fail(ReviewRule.CreatorIsRequester, ReviewMessages.CreatorIsNotRequester);
        }

        var approval = bug.FlagsNamed(Bug.ReviewFlagName).FirstOrDefault(f => f.IsGranted);
        if (approval is null)
        {
            Fail(ReviewRule.Approved, ReviewMessages.NotApproved);
        }
        else
        {
            var approver = await directory.FindByEmailAsync(approval.Setter, cancellationToken);
            if (approver is null)
            {
                Fail(ReviewRule.ApproverInFas, ReviewMessages.ApproverNotInFas(approval.Setter));
            }
            else if (!approver.IsPackager)
            {
                Fail(ReviewRule.ApproverIsPackager, ReviewMessages.ApproverNotPackager);
            }
            if (SamePerson(approval.Setter, approver, bug.Creator, creator))
            {
                Fail(ReviewRule.ApproverIsNotCreator, ReviewMessages.ApprovedByCreator);
            }
            if (assigned)
            {
                var assignee = await directory.FindByEmailAsync(bug.AssignedTo, cancellationToken);
                if (!SamePerson(approval.Setter, approver, bug.AssignedTo, assignee))
                {
                    Fail(ReviewRule.ApproverIsAssignee, ReviewMessages.NotApprovedByAssignee);
                }
            }
            if ((now.UtcDateTime.Date - approval.ModificationDate.UtcDateTime.Date).Days > ApprovalValidDays)
            {
                Fail(ReviewRule.ApprovedRecently, ReviewMessages.ApprovalExpired);
            }
        }

        CheckSummary(bug.Summary, request.Package, Fail);
        return problems;
    }

    private static void CheckSummary(string summary, string package, Action<ReviewRule, string> fail)
    {
        // "Review Request: <package> - <summary>": the name sits between the first ":" and the first " - " after it.
        var colon = summary.IndexOf(':', StringComparison.Ordinal);
        var afterColon = colon < 0 ? "" : summary[(colon + 1)..];
        if (afterColon.Length == 0)
        {
            fail(ReviewRule.SummaryHasColon, ReviewMessages.NoColonInTitle);
            return;
        }
        var dash = afterColon.IndexOf(" - ", StringComparison.Ordinal);
        if (dash < 0)
        {
            fail(ReviewRule.SummaryHasDash, ReviewMessages.NoDashInTitle);
            return;
        }
        var packageInBug = afterColon[..dash].Trim();
        if (!string.Equals(packageInBug, package, StringComparison.Ordinal))
        {
            fail(ReviewRule.SummaryNamesPackage, ReviewMessages.PackageMismatch(packageInBug, package));
        }
    }

    /// <summary>The same e-mail, or two e-mails (FAS and Bugzilla) of the same account.</summary>
    private static bool SamePerson(string email, FedoraAccount? account, string otherEmail, FedoraAccount? otherAccount) =>
        string.Equals(email, otherEmail, StringComparison.OrdinalIgnoreCase)
        || (account is not null && otherAccount is not null && account.User == otherAccount.User);

    [GeneratedRegex(@"^(?:el|epel)\d+(?:\.\d+)?$")]
    private static partial Regex EpelBranch();
}

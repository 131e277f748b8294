using System.Globalization;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Reviews;

/// <summary>
/// The sentences posted when a review bug is refused, word for word as fedscm-admin and fedpkg write them, so
/// packagers and existing tooling (which greps for them) recognise them.
/// </summary>
public static class ReviewMessages
{
    public const string NotProperType = "The Bugzilla bug provided is not the proper type";
    public const string NotAssigned = "The Bugzilla bug provided is not assigned to anyone";
    public const string CreatorNotInFas =
        "The Bugzilla review bug creator could not be found in FAS. Make sure your FAS email address is the same as in Bugzilla.";
    public const string CreatorIsNotRequester = "The Bugzilla review bug creator didn't match the requester in Pagure.";
    public const string NotApproved = "The Bugzilla bug is not approved yet";
    public const string ApproverNotPackager = "The Bugzilla bug's review is approved by a user that is not a packager";
    public const string ApprovedByCreator =
        "The Bugzilla bug's review is approved by the person creating the bug. This is not allowed.";
    public const string NotApprovedByAssignee = "The review is not approved by the assignee of the Bugzilla bug";
    public const string ApprovalExpired = "The Bugzilla bug's review was approved over 60 days ago";
    public const string NoColonInTitle = "Invalid title for this Bugzilla bug (no \":\" present)";
    public const string NoDashInTitle = "Invalid title for this Bugzilla bug (no \"-\" present)";

    /// <summary>SCM request without a bug and without an exception.</summary>
    public const string InvalidBug = "An invalid Bugzilla bug was provided";

    /// <summary>SCM request that claims an exception to review: a person has to look.</summary>
    public const string ExceptionClaimed =
        "The requester states this request is an exception and doesn't require Bugzilla validation. Please manually verify it.";

    public static string NotVerifiable(string error) =>
        $"The Bugzilla bug could not be verified. The following error was encountered: {error}";

    public static string EpelBranchNeedsEpelProduct(string product) =>
        $"The Bugzilla bug is for \"{product}\" but the requested branch is an EPEL branch";

    public static string EpelProductNeedsEpelBranch(string branch) =>
        $"The Bugzilla bug is for \"Fedora EPEL\" but the requested branch is {SafeEcho.Name(branch)}";

    /// <summary><c>The Bugzilla bug provided is not for "Fedora" or "Fedora EPEL"</c> for rpms; the namespace's products otherwise.</summary>
    public static string WrongProduct(IEnumerable<string> products) =>
        $"The Bugzilla bug provided is not for \"{string.Join("\" or \"", products)}\"";

    /// <summary>The approver's e-mail belongs to no FAS account, so their packager membership is unknown.</summary>
    public static string ApproverNotInFas(string setter) =>
        $"The email address {SafeEcho.Code(setter)} of the Bugzilla reviewer is not tied to a user in FAS. Group membership can't be validated.";

    public static string PackageMismatch(string packageInBug, string package) =>
        string.Create(CultureInfo.InvariantCulture, $"The package in the Bugzilla bug {SafeEcho.Code(packageInBug)} doesn't match the one provided {SafeEcho.Name(package)}");
}

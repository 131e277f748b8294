namespace Releng.Jobs.Reviews;

/// <summary>The review-bug rules, in the order they are checked.</summary>
public enum ReviewRule
{
    BugFetchable,
    BranchMatchesProduct,
    Component,
    Product,
    Assigned,
    CreatorInFas,
    CreatorIsRequester,
    Approved,
    ApproverInFas,
    ApproverIsPackager,
    ApproverIsNotCreator,
    ApproverIsAssignee,
    ApprovedRecently,
    SummaryHasColon,
    SummaryHasDash,
    SummaryNamesPackage,
}

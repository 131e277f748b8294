namespace Releng.Jobs.Pagure;

/// <summary>Pagure's <c>error_code</c> values that callers act on.</summary>
public static class PagureErrorCode
{
    public const string InvalidToken = "EINVALIDTOK";
    public const string NoProject = "ENOPROJECT";
    public const string NoIssue = "ENOISSUE";
    public const string InvalidRequest = "EINVALIDREQ";
    public const string IssueNotAllowed = "EISSUENOTALLOWED";
    public const string DateTime = "EDATETIME";
    public const string InvalidPerPage = "EINVALIDPERPAGEVALUE";
    public const string TrackerDisabled = "ETRACKERDISABLED";
    public const string InvalidIssueField = "EINVALIDISSUEFIELD";
    public const string NoCode = "ENOCODE";
    /// <summary>Not Pagure's: the response was an error without Pagure's error body (a proxy's 503 page, say).</summary>
    public const string Http = "EHTTP";
}

namespace Releng.Jobs.Pagure;

/// <summary>Values of an issue's <c>status</c> and of the list filter's <c>status</c> besides close-status names.</summary>
public static class PagureIssueStatus
{
    public const string Open = "Open";
    public const string Closed = "Closed";
    /// <summary>List filter only: open and closed issues.</summary>
    public const string All = "all";
}

namespace Releng.Jobs.Sandbox.Pagure;

public sealed class PagureIssueState
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string Author { get; set; } = "";
    public string Status { get; set; } = "Open";
    public string? CloseStatus { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? Assignee { get; set; }
    public List<string> Tags { get; set; } = [];
    public bool Private { get; set; }
    public int? Priority { get; set; }
    public string? Milestone { get; set; }
    public Dictionary<string, string> CustomFields { get; set; } = [];
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
    public List<PagureCommentState> Comments { get; set; } = [];
}

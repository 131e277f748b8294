namespace Releng.Jobs.Sandbox.Forgejo;

public sealed class ForgejoIssueState
{
    /// <summary>Instance-wide id; <see cref="Number"/> is the one in paths.</summary>
    public long Id { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The poster's login; <c>Ghost</c> for migrated issues.</summary>
    public string Author { get; set; } = "";
    public string OriginalAuthor { get; set; } = "";
    public string State { get; set; } = "open";
    public bool IsPullRequest { get; set; }
    public bool IsLocked { get; set; }
    /// <summary>Label ids, repository's or organization's.</summary>
    public List<long> Labels { get; set; } = [];
    public List<string> Assignees { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<ForgejoCommentState> Comments { get; set; } = [];
}

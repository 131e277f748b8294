namespace Releng.Jobs.Sandbox.Forgejo;

public sealed class ForgejoCommentState
{
    public long Id { get; set; }
    /// <summary>The poster's login; <c>Ghost</c> for migrated comments.</summary>
    public string Author { get; set; } = "";
    public string OriginalAuthor { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

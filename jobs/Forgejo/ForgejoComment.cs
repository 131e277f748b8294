namespace Releng.Jobs.Forgejo;

/// <summary>
/// A plain issue comment (events such as label or state changes are not comments in this API). <see cref="Id"/> is
/// instance-wide. <see cref="Body"/> is the raw Markdown, hidden <c>&lt;!-- markers --&gt;</c> included.
/// </summary>
public sealed record ForgejoComment(
    long Id,
    string Body,
    ForgejoUser? User,
    string? OriginalAuthor,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string HtmlUrl);

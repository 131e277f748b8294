namespace Releng.Jobs.Forgejo;

/// <summary>
/// An issue (or pull request) of a repository. <see cref="Number"/> is the per-repository index used in paths;
/// <see cref="Id"/> is instance-wide. <see cref="Assignees"/> is null, not empty, when nobody is assigned; timestamps
/// carry the server's offset.
/// </summary>
public sealed record ForgejoIssue(
    long Id,
    int Number,
    string Title,
    string Body,
    ForgejoUser? User,
    string? OriginalAuthor,
    string State,
    IReadOnlyList<ForgejoLabel>? Labels,
    ForgejoUser? Assignee,
    IReadOnlyList<ForgejoUser>? Assignees,
    int Comments,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string HtmlUrl,
    ForgejoPullRequestMeta? PullRequest)
{
    public const string Open = "open";
    public const string Closed = "closed";

    public bool IsOpen => string.Equals(State, Open, StringComparison.Ordinal);
    public bool IsPullRequest => PullRequest is not null;

    /// <summary>The reporter: <see cref="OriginalAuthor"/> for tickets migrated from Pagure under the Ghost user.</summary>
    public string Author => ForgejoUser.AuthorOf(User, OriginalAuthor);

    /// <summary>Every assignee's login; <see cref="Assignee"/> alone when an older server sends only that.</summary>
    public IReadOnlyList<string> AssigneeLogins =>
        Assignees is { Count: > 0 } assignees ? assignees.Select(user => user.Login).ToList()
        : Assignee is { } single ? [single.Login]
        : [];
}

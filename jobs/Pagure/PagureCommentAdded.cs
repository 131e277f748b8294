namespace Releng.Jobs.Pagure;

/// <summary>The answer to a new comment: the author as a plain user name; Pagure returns no comment id.</summary>
public sealed record PagureCommentAdded(string Message, string User, string? AvatarUrl = null);

namespace Releng.Jobs.Pagure;

/// <summary>A user as Pagure embeds it in issues, comments and projects.</summary>
public sealed record PagureUser(string Name, string? Fullname = null, string? UrlPath = null, string? FullUrl = null);

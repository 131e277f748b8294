namespace Releng.Jobs.Forgejo;

/// <summary>Present (non-null) on an <see cref="ForgejoIssue"/> exactly when it is a pull request.</summary>
public sealed record ForgejoPullRequestMeta(bool Merged, string? HtmlUrl);

using Refit;

namespace Releng.Jobs.Forgejo;

/// <summary>
/// Forgejo API v1, the issue side (Fedora Forge). Paths are relative to the instance root; <c>owner</c>/<c>repo</c>
/// name the repository (<c>releng</c>/<c>fedora-scm-requests</c>), <c>index</c> the issue number. Errors throw
/// <see cref="ForgejoException"/>. Writes need the token (<see cref="ForgejoTokenHandler"/>).
/// </summary>
public interface IForgejoApi
{
    /// <summary>
    /// One page of issues. <paramref name="type"/> <c>issues</c> leaves pull requests out (absent, both come back).
    /// <paramref name="labels"/> are comma-separated names, AND-ed, unknown names dropped (all unknown: no filter).
    /// <paramref name="since"/> is RFC 3339 on <c>updated_at</c>, inclusive. <paramref name="limit"/> is clamped by
    /// the server to <see cref="ForgejoApiSettings.MaxResponseItems"/> without saying so. The answer comes back whole,
    /// for its <c>X-Total-Count</c> header: read it with <see cref="ForgejoApiExtensions.ReadIssuePageAsync"/>.
    /// </summary>
    [Get("/api/v1/repos/{owner}/{repo}/issues")]
    Task<HttpResponseMessage> ListIssuesAsync(
        string owner,
        string repo,
        string? state = null,
        string? type = null,
        string? labels = null,
        string? since = null,
        string? sort = null,
        int? page = null,
        int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>An issue, or a pull request (with <c>pull_request</c> set) of that number.</summary>
    [Get("/api/v1/repos/{owner}/{repo}/issues/{index}")]
    Task<ForgejoIssue> GetIssueAsync(string owner, string repo, int index, CancellationToken cancellationToken = default);

    /// <summary>Every plain comment, oldest first, in one answer: this list is not paginated.</summary>
    [Get("/api/v1/repos/{owner}/{repo}/issues/{index}/comments")]
    Task<List<ForgejoComment>> ListCommentsAsync(string owner, string repo, int index, CancellationToken cancellationToken = default);

    /// <summary>201 with the new comment.</summary>
    [Post("/api/v1/repos/{owner}/{repo}/issues/{index}/comments")]
    Task<ForgejoComment> AddCommentAsync(
        string owner, string repo, int index, [Body] ForgejoCommentForm form, CancellationToken cancellationToken = default);

    /// <summary>201 (not 200) with the changed issue; 403 with an empty body when the account may not.</summary>
    [Patch("/api/v1/repos/{owner}/{repo}/issues/{index}")]
    Task<ForgejoIssue> EditIssueAsync(
        string owner, string repo, int index, [Body] ForgejoEditIssueForm form, CancellationToken cancellationToken = default);

    /// <summary>200 with every label the issue now has; unknown ids are ignored silently.</summary>
    [Post("/api/v1/repos/{owner}/{repo}/issues/{index}/labels")]
    Task<List<ForgejoLabel>> AddLabelsAsync(
        string owner, string repo, int index, [Body] ForgejoIssueLabelsForm form, CancellationToken cancellationToken = default);

    /// <summary>The repository's own labels (paginated, no <c>Link</c>); the organization's come from <see cref="ListOrgLabelsAsync"/>.</summary>
    [Get("/api/v1/repos/{owner}/{repo}/labels")]
    Task<List<ForgejoLabel>> ListRepoLabelsAsync(
        string owner, string repo, int? page = null, int? limit = null, CancellationToken cancellationToken = default);

    [Get("/api/v1/orgs/{org}/labels")]
    Task<List<ForgejoLabel>> ListOrgLabelsAsync(string org, int? page = null, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>The token's account (needs <c>read:user</c>).</summary>
    [Get("/api/v1/user")]
    Task<ForgejoUser> GetAuthenticatedUserAsync(CancellationToken cancellationToken = default);

    [Get("/api/v1/settings/api")]
    Task<ForgejoApiSettings> GetApiSettingsAsync(CancellationToken cancellationToken = default);

    [Get("/api/v1/version")]
    Task<ForgejoVersion> GetVersionAsync(CancellationToken cancellationToken = default);
}

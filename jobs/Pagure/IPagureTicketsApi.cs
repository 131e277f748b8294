using Refit;

namespace Releng.Jobs.Pagure;

/// <summary>
/// Pagure API v0, the ticket side (pagure.io). <c>project</c> is a project path as Pagure writes it: <c>releng</c>,
/// <c>releng/fedora-scm-requests</c>, <c>fork/user/repo</c>; its slashes are kept. Errors throw
/// <see cref="PagureException"/> with Pagure's <c>error_code</c>. Writes need the token (<see cref="PagureTokenHandler"/>).
/// </summary>
public interface IPagureTicketsApi
{
    /// <summary>
    /// One page of issues. <paramref name="status"/>: <c>Open</c> (the server's default), <c>Closed</c>, <c>all</c>, or
    /// a close-status name (matches <c>close_status</c>). <paramref name="tags"/> are OR-ed and repeated as
    /// <c>tags=a&amp;tags=b</c>; <c>!tag</c> excludes. <paramref name="since"/> is epoch seconds, compared
    /// <c>last_updated &gt;= since</c>. <paramref name="perPage"/> is 1–100. Use
    /// <see cref="PagureTicketsApiExtensions.ListAllIssuesAsync"/> to read every page.
    /// </summary>
    [Get("/api/0/{**project}/issues")]
    Task<PagureIssuePage> ListIssuesAsync(
        string project,
        string? status = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? tags = null,
        string? author = null,
        string? assignee = null,
        long? since = null,
        string? order = null,
        int? page = null,
        [AliasAs("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>An issue with its comments (system notification comments included).</summary>
    [Get("/api/0/{**project}/issue/{id}")]
    Task<PagureIssue> GetIssueAsync(string project, int id, CancellationToken cancellationToken = default);

    [Post("/api/0/{**project}/issue/{id}/comment")]
    Task<PagureCommentAdded> AddCommentAsync(
        string project, int id, [Body(BodySerializationMethod.UrlEncoded)] PagureCommentForm form,
        CancellationToken cancellationToken = default);

    /// <summary><c>message</c> lists the changes, or is <c>No changes</c>.</summary>
    [Post("/api/0/{**project}/issue/{id}/status")]
    Task<PagureMessageResponse> ChangeStatusAsync(
        string project, int id, [Body(BodySerializationMethod.UrlEncoded)] PagureStatusForm form,
        CancellationToken cancellationToken = default);

    /// <summary>An empty assignee unassigns; <c>message</c> is <c>Nothing to change</c> when it already was so.</summary>
    [Post("/api/0/{**project}/issue/{id}/assign")]
    Task<PagureMessageResponse> AssignAsync(
        string project, int id, [Body(BodySerializationMethod.UrlEncoded)] PagureAssignForm form,
        CancellationToken cancellationToken = default);

    /// <summary>Sets (or, with an empty value, resets) one custom field; <c>message</c> is <c>No changes</c> when equal.</summary>
    [Post("/api/0/{**project}/issue/{id}/custom/{field}")]
    Task<PagureMessageResponse> SetCustomFieldAsync(
        string project, int id, string field, [Body(BodySerializationMethod.UrlEncoded)] PagureCustomFieldForm form,
        CancellationToken cancellationToken = default);

    [Get("/api/0/{**project}")]
    Task<PagureProject> GetProjectAsync(string project, CancellationToken cancellationToken = default);

    /// <summary>The token's user: a cheap token check.</summary>
    [Post(PagureWhoAmI.Path)]
    Task<PagureWhoAmI> WhoAmIAsync(CancellationToken cancellationToken = default);

    [Get("/api/0/-/version")]
    Task<PagureVersion> GetVersionAsync(CancellationToken cancellationToken = default);
}

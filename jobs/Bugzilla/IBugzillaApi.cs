using Refit;

namespace Releng.Jobs.Bugzilla;

/// <summary>The Bugzilla 5 REST endpoints used, under <c>{base}/rest</c>. The API key travels in a header, never here.</summary>
[Headers("Accept: application/json")]
internal interface IBugzillaApi
{
    [Get("/rest/bug/{id}")]
    Task<IApiResponse<BugListBody>> GetBug(int id, CancellationToken cancellationToken);

    [Get("/rest/bug/{id}/comment")]
    Task<IApiResponse<CommentsBody>> GetComments(int id, CancellationToken cancellationToken);

    // Bugzilla 5.1 (and Red Hat Bugzilla, unverified there); Bugzilla 5.0 answers error 32614, no such method.
    [Get("/rest/whoami")]
    Task<IApiResponse<WhoAmIBody>> WhoAmI(CancellationToken cancellationToken);

    // Buffered, so the body goes out with a Content-Length: whether Red Hat Bugzilla takes a chunked POST is unknown.
    [Post("/rest/bug/{id}/comment")]
    Task<IApiResponse<CreatedBody>> AddComment(int id, [Body(buffered: true)] NewCommentBody body, CancellationToken cancellationToken);
}

using Refit;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.DistGit;

/// <summary>
/// The src.fedoraproject.org (Pagure) routes the dist-git client uses, one method per endpoint. Responses come back
/// as <see cref="IApiResponse{T}"/> so <see cref="PagureDistGit"/> turns 404s into "absent" and other errors into
/// <see cref="Pagure.PagureException"/>.
/// </summary>
public interface IPagureDistGitApi
{
    [Get("/api/0/{ns}/{name}")]
    Task<IApiResponse<PagureProjectJson>> GetProject(string ns, string name, CancellationToken cancellationToken);

    [Get("/api/0/{ns}/{name}/git/branches?with_commits=true")]
    Task<IApiResponse<PagureBranchesJson>> GetBranches(string ns, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Not under <c>/api/0</c>: the raw blob at a branch head or at a commit (<paramref name="identifier"/> is looked up
    /// as a branch name first, then as a commit hash), as plain text.
    /// </summary>
    [Get("/{ns}/{name}/raw/{identifier}/f/{**path}")]
    Task<IApiResponse<string>> GetRawFile(string ns, string name, string identifier, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Not under <c>/api/0</c>: the commit as a mail-formatted patch against its first parent, plain text, read as it
    /// arrives (a retirement's patch carries every file it deleted). A 404 page for an unknown hash.
    /// </summary>
    [Get("/{ns}/{name}/c/{commit}.patch")]
    Task<HttpResponseMessage> GetCommitPatch(string ns, string name, string commit, CancellationToken cancellationToken);

    [Post(PagureDistGit.NewProjectPath)]
    Task<IApiResponse<PagureMessageJson>> CreateProject(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/api/0/{ns}/{name}/git/branch")]
    Task<IApiResponse<PagureMessageJson>> CreateBranch(
        string ns, string name, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Patch("/api/0/{ns}/{name}")]
    Task<IApiResponse<PagureProjectJson>> ModifyProject(
        string ns, string name, [Body] PagureMainAdminJson body, CancellationToken cancellationToken);

    /// <summary>The token's account: the user an HTTPS push goes out as.</summary>
    [Post(PagureWhoAmI.Path)]
    Task<IApiResponse<PagureWhoAmI>> WhoAmI(CancellationToken cancellationToken);

    /// <summary>Pagure appends <c>*</c> to the pattern, so this is a prefix search; callers match names exactly.</summary>
    [Get("/api/0/users")]
    Task<IApiResponse<PagureUsersJson>> SearchUsers(string pattern, CancellationToken cancellationToken);
}

using Refit;

namespace Releng.Jobs.Accounts.Fasjson;

/// <summary>The FASJSON v1 reads used, relative to the service root (e.g. <c>https://fasjson.fedoraproject.org/</c>).</summary>
[Headers("Accept: application/json")]
internal interface IFasjsonApi
{
    [Get("/v1/me/")]
    Task<IApiResponse<FasjsonResult<FasjsonWhoAmI>>> WhoAmI(CancellationToken cancellationToken);

    [Get("/v1/users/{username}/")]
    Task<IApiResponse<FasjsonResult<FasjsonUser>>> GetUser(string username, CancellationToken cancellationToken);

    /// <summary>No trailing slash: FASJSON's route has none.</summary>
    [Get("/v1/groups/{groupname}/is-member/{username}")]
    Task<IApiResponse<FasjsonResult<bool>>> IsMember(string groupname, string username, CancellationToken cancellationToken);

    [Get("/v1/groups/{groupname}/members/")]
    Task<IApiResponse<FasjsonResult<List<FasjsonMember>>>> GroupMembers(
        string groupname, [AliasAs("page_size")] int pageSize, [AliasAs("page_number")] int pageNumber, CancellationToken cancellationToken);

    /// <summary>Search pages are 1 to 40 entries; FASJSON refuses anything else.</summary>
    [Get("/v1/search/users/")]
    Task<IApiResponse<FasjsonResult<List<FasjsonUser>>>> SearchByEmail(
        string email, [AliasAs("page_size")] int pageSize, [AliasAs("page_number")] int pageNumber, CancellationToken cancellationToken);
}

using Refit;

namespace Releng.Jobs.Bodhi;

[Headers("Accept: application/json")]
internal interface IBodhiApi
{
    /// <summary>One page of releases; <paramref name="excludeArchived"/> is sent as Bodhi's <c>True</c>/<c>False</c>.</summary>
    [Get("/releases/")]
    Task<IApiResponse<ReleasePageBody>> GetReleases(
        [AliasAs("exclude_archived")] string excludeArchived, int page, CancellationToken cancellationToken);
}

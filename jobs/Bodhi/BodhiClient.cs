using System.Net;
using System.Text.Json;
using Polly.Timeout;
using Refit;

namespace Releng.Jobs.Bodhi;

internal sealed class BodhiClient(IBodhiApi api) : IBodhi
{
    // Bodhi pages by 20; a runaway "pages" value must not loop for ever.
    private const int MaxPages = 50;

    public async Task<IReadOnlyList<Release>> GetActiveReleasesAsync(CancellationToken cancellationToken = default)
    {
        var releases = new List<Release>();
        var pages = 1;
        for (var page = 1; page <= pages && page <= MaxPages; page++)
        {
            var body = await SendAsync(() => api.GetReleases("True", page, cancellationToken));
            releases.AddRange((body.Releases ?? []).Select(ToRelease));
            pages = body.Pages;
        }
        return releases;
    }

    public async Task<BranchTagMap> GetBranchTagMapAsync(CancellationToken cancellationToken = default) =>
        BranchTagMap.From(await GetActiveReleasesAsync(cancellationToken));

    private static Release ToRelease(ReleaseBody r) => new(
        r.Name ?? "",
        r.LongName ?? r.Name ?? "",
        r.Version ?? "",
        r.IdPrefix ?? "",
        r.Branch ?? "",
        r.DistTag ?? "",
        r.StableTag,
        r.TestingTag,
        r.CandidateTag,
        r.PendingSigningTag,
        r.PendingTestingTag,
        r.PendingStableTag,
        r.OverrideTag,
        r.State ?? "",
        r.ComposedByBodhi ?? false);

    private static async Task<T> SendAsync<T>(Func<Task<IApiResponse<T>>> call)
    {
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or ApiRequestException)
        {
            throw new BodhiException(null, [e.Message], e);
        }
        if (response.IsSuccessful && response.Content is { } content)
        {
            return content;
        }
        switch (response.Error)
        {
            case ApiException api:
                throw new BodhiException(api.StatusCode, ParseErrors(api.Content) ?? [api.ReasonPhrase ?? api.StatusCode.ToString()], api);
            case { } failure:
                throw new BodhiException(null, [(failure.InnerException ?? failure).Message], failure);
            default:
                throw new BodhiException(response.StatusCode ?? HttpStatusCode.OK, ["empty answer"]);
        }
    }

    private static List<string>? ParseErrors(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }
        try
        {
            var body = JsonSerializer.Deserialize<BodhiErrorsBody>(content, BodhiJson.Options);
            var errors = body?.Errors?
                .Select(e => e.Name is { Length: > 0 } name ? $"{name}: {e.Description}" : e.Description ?? "")
                .Where(e => e.Length > 0)
                .ToList();
            return errors is { Count: > 0 } ? errors : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

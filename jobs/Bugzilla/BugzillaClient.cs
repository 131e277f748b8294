using System.Net;
using System.Text.Json;
using Polly.Timeout;
using Refit;

namespace Releng.Jobs.Bugzilla;

/// <summary><see cref="IBugzilla"/> over the Refit interface; turns every failure into a <see cref="BugzillaException"/>.</summary>
/// <param name="authenticated">Whether requests carry an API key; without one there is no account to ask about.</param>
internal sealed class BugzillaClient(IBugzillaApi api, Uri baseAddress, bool authenticated) : IBugzilla
{
    public async Task<Bug> GetBugAsync(int id, CancellationToken cancellationToken = default)
    {
        var (status, body) = await SendAsync(() => api.GetBug(id, cancellationToken));
        ThrowIfError(status, body.Error, body.Code, body.Message);
        var bug = body.Bugs?.FirstOrDefault(b => b.Id == id)
            ?? throw new BugzillaException(status, null, $"the answer for bug {id} holds no such bug");
        return ToBug(bug);
    }

    public async Task<IReadOnlyList<BugComment>> GetCommentsAsync(int bugId, CancellationToken cancellationToken = default)
    {
        var (status, body) = await SendAsync(() => api.GetComments(bugId, cancellationToken));
        ThrowIfError(status, body.Error, body.Code, body.Message);
        var comments = body.Bugs?.GetValueOrDefault(bugId.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Comments ?? [];
        return comments
            .Select(c => new BugComment(c.Id, c.BugId, c.Count, c.Text ?? "", c.Creator ?? "",
                c.CreationTime ?? DateTimeOffset.MinValue, c.IsPrivate))
            .ToList();
    }

    public async Task<int> AddCommentAsync(int bugId, string comment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comment);
        var (status, body) = await SendAsync(() => api.AddComment(bugId, new NewCommentBody(comment), cancellationToken));
        ThrowIfError(status, body.Error, body.Code, body.Message);
        return body.Id ?? throw new BugzillaException(status, null, "the new comment's id is missing from the answer");
    }

    public async Task<string?> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        if (!authenticated)
        {
            return null;
        }
        var (status, body) = await SendAsync(() => api.WhoAmI(cancellationToken));
        ThrowIfError(status, body.Error, body.Code, body.Message);
        return string.IsNullOrWhiteSpace(body.Name)
            ? throw new BugzillaException(status, null, "the answer to whoami names no login")
            : body.Name;
    }

    public Uri BugUrl(int id) => new(baseAddress, $"show_bug.cgi?id={id}");

    private static Bug ToBug(BugBody b) => new(
        b.Id,
        b.Summary ?? "",
        b.Status ?? "",
        b.Resolution ?? "",
        b.Product ?? "",
        b.Component ?? [],
        b.Creator ?? "",
        b.AssignedTo ?? "",
        b.CreationTime ?? DateTimeOffset.MinValue,
        (b.Flags ?? [])
            .Select(f => new BugFlag(
                f.Name ?? "",
                f.Status ?? "",
                f.Setter ?? "",
                f.CreationDate ?? DateTimeOffset.MinValue,
                f.ModificationDate ?? f.CreationDate ?? DateTimeOffset.MinValue))
            .ToList());

    private static void ThrowIfError(HttpStatusCode status, bool? error, int? code, string? message)
    {
        // Bugzilla reports errors with a non-2xx status, but the body is the authority: an error object is an error.
        if (error == true)
        {
            throw new BugzillaException(status, code, message ?? "unknown error");
        }
    }

    private static async Task<(HttpStatusCode Status, T Body)> SendAsync<T>(Func<Task<IApiResponse<T>>> call)
    {
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or ApiRequestException)
        {
            throw new BugzillaException(null, null, e.Message, e);
        }
        if (response.IsSuccessful && response.Content is { } content)
        {
            return (response.StatusCode ?? HttpStatusCode.OK, content);
        }
        switch (response.Error)
        {
            case ApiException api:
                var error = ParseError(api.Content);
                throw new BugzillaException(api.StatusCode, error?.Code,
                    error?.Message ?? api.ReasonPhrase ?? api.StatusCode.ToString(), api);
            case { } failure:
                var cause = failure.InnerException ?? failure;
                throw new BugzillaException(null, null, cause.Message, failure);
            default:
                throw new BugzillaException(response.StatusCode, null, "empty answer");
        }
    }

    private static ErrorBody? ParseError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ErrorBody>(content, BugzillaJson.Options) is { Error: true } error ? error : null;
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy: the status says enough
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Polly.Timeout;
using Refit;

namespace Releng.Jobs.Accounts.Fasjson;

/// <summary>
/// The <see cref="IAccountDirectory"/> over FASJSON v1: <c>is-member</c> for group checks, user lookups by name and by
/// e-mail search, group member lists page by page. Answers are kept for the run (one directory per run), so asking
/// about the same person for ten tickets costs one request. Any failure, a 401 above all, throws
/// <see cref="AccountDirectoryUnavailableException"/>: "cannot tell" never becomes "not a packager".
/// </summary>
public sealed partial class FasjsonAccountDirectory : IAccountDirectory
{
    private const string FedoraAliasDomain = "@fedoraproject.org";
    private const string PackagerGroup = "packager";
    private const int MembersPageSize = 1000;
    private const int SearchPageSize = 40;
    // A group of 100,000 members, or a runaway total_pages, must not loop for ever.
    private const int MaxPages = 100;

    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _answers = new(StringComparer.Ordinal);
    private readonly IFasjsonApi api;
    private readonly Uri root;

    internal FasjsonAccountDirectory(IFasjsonApi api, Uri root)
    {
        this.api = api;
        this.root = root;
    }

    /// <summary>FASJSON's URL names; anything else has no route there (a 404), so it is no account without asking.</summary>
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();

    public static bool IsName(string name) => NamePattern().IsMatch(name);

    public async Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (email.EndsWith(FedoraAliasDomain, StringComparison.OrdinalIgnoreCase)
            && await FindByUserAsync(email[..^FedoraAliasDomain.Length], cancellationToken) is { } alias)
        {
            return alias;
        }
        if (email.Length < 3 || !email.Contains('@'))
        {
            return null; // FASJSON refuses search terms under 3 characters; no account has such an address
        }
        var user = await CachedAsync($"email:{email.ToLowerInvariant()}", () => SearchEmailAsync(email, cancellationToken));
        return user is null ? null : await FindByUserAsync(user, cancellationToken);
    }

    public Task<FedoraAccount?> FindByUserAsync(string user, CancellationToken cancellationToken = default) =>
        !IsName(user) ? Task.FromResult<FedoraAccount?>(null)
        : CachedAsync($"user:{user}", async () =>
        {
            var found = await SendAsync($"user {user}", () => api.GetUser(user, cancellationToken), notFound: true);
            if (found?.Result is not { Username: { } name } body)
            {
                return null;
            }
            var email = body.Emails?.FirstOrDefault(e => e.Length > 0) ?? name + FedoraAliasDomain;
            return new FedoraAccount(name, email, await IsInGroupAsync(name, PackagerGroup, cancellationToken));
        });

    public Task<bool> IsPackagerAsync(string user, CancellationToken cancellationToken = default) =>
        IsInGroupAsync(user, PackagerGroup, cancellationToken);

    public Task<bool> IsInGroupAsync(string user, string group, CancellationToken cancellationToken = default) =>
        !IsName(user) || !IsName(group) ? Task.FromResult(false)
        : CachedAsync($"member:{group}:{user}", async () =>
        {
            // An unknown group is a 404; an unknown or locked user is simply not a member.
            var answer = await SendAsync($"membership of {user} in {group}", () => api.IsMember(group, user, cancellationToken), notFound: true);
            return answer?.Result ?? false;
        });

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, CancellationToken cancellationToken = default) =>
        !IsName(group) ? Task.FromResult<IReadOnlyList<string>>([])
        : CachedAsync<IReadOnlyList<string>>($"members:{group}", async () =>
        {
            var members = new List<string>();
            for (var page = 1; page <= MaxPages; page++)
            {
                var answer = await SendAsync($"members of {group}", () => api.GroupMembers(group, MembersPageSize, page, cancellationToken), notFound: true);
                if (answer is null)
                {
                    return [];
                }
                members.AddRange((answer.Result ?? []).Select(m => m.Username).OfType<string>());
                if (answer.Page is not { } paging || paging.PageNumber >= paging.TotalPages)
                {
                    break;
                }
            }
            return members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        });

    /// <summary>The service's own name for the caller: a bot keytab is a service principal (<c>username</c> null).</summary>
    public async Task<string?> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        var me = await SendAsync("the caller", () => api.WhoAmI(cancellationToken), notFound: false);
        return me?.Result is { } who ? who.Username ?? who.Service : null;
    }

    /// <summary>
    /// The search matches more than the exact address (and ignores case); only an account that really has the
    /// address (or has it as its Bugzilla e-mail) counts.
    /// </summary>
    private async Task<string?> SearchEmailAsync(string email, CancellationToken cancellationToken)
    {
        for (var page = 1; page <= MaxPages; page++)
        {
            var answer = await SendAsync($"accounts with e-mail {email}", () => api.SearchByEmail(email, SearchPageSize, page, cancellationToken), notFound: true);
            var match = answer?.Result?.FirstOrDefault(u => u.Username is not null
                && ((u.Emails ?? []).Any(e => string.Equals(e, email, StringComparison.OrdinalIgnoreCase))
                    || string.Equals(u.Rhbzemail, email, StringComparison.OrdinalIgnoreCase)));
            if (match is not null)
            {
                return match.Username;
            }
            if (answer?.Page is not { } paging || paging.PageNumber >= paging.TotalPages)
            {
                return null;
            }
        }
        return null;
    }

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> read)
    {
        var entry = _answers.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await read()));
        try
        {
            return (T)(await entry.Value)!;
        }
        catch
        {
            // A failure is not an answer: the next question (the next ticket) asks again.
            _answers.TryRemove(new KeyValuePair<string, Lazy<Task<object?>>>(key, entry));
            throw;
        }
    }

    private async Task<T?> SendAsync<T>(string what, Func<Task<IApiResponse<T>>> call, bool notFound) where T : class
    {
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or ApiRequestException or TaskCanceledException)
        {
            throw Unavailable($"FASJSON could not be reached ({what}): {(e.InnerException ?? e).Message}", e);
        }
        if (response.IsSuccessful)
        {
            return response.Content ?? throw Unavailable($"FASJSON sent an empty answer about {what}");
        }
        if (response.StatusCode is not { } status)
        {
            throw Unavailable($"FASJSON could not be reached ({what}): {(response.Error?.InnerException ?? response.Error)?.Message}", response.Error);
        }
        if (status == HttpStatusCode.NotFound && notFound)
        {
            return null;
        }
        if (status == HttpStatusCode.Unauthorized)
        {
            throw Unavailable(FasjsonMessages.TicketRefused(root));
        }
        var error = response.Error is ApiException api ? ErrorMessage(api.Content) : response.Error?.Message;
        throw Unavailable($"FASJSON failed to answer about {what}: HTTP {(int)status}{(error is null ? "" : $" {error}")}", response.Error);
    }

    private static AccountDirectoryUnavailableException Unavailable(string detail, Exception? inner = null) =>
        new($"cannot verify Fedora accounts: {detail}", inner);

    private static string? ErrorMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<FasjsonError>(content, FasjsonJson.Options) is { Message: { Length: > 0 } message } error
                ? error.Source is { } source ? $"{message} ({source})" : message
                : null;
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy: the status says enough
        }
    }
}

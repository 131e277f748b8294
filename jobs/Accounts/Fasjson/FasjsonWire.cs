using System.Text.Json;
using System.Text.Json.Serialization;

namespace Releng.Jobs.Accounts.Fasjson;

// FASJSON v1 shapes as the service sends them: every success is {"result": …}, paged lists add a "page" object,
// errors are {"message": …} plus the name that was not found.

/// <summary>The <c>{"result": …, "page": …}</c> envelope.</summary>
internal sealed record FasjsonResult<T>(T? Result, FasjsonPage? Page);

/// <summary>Present only when the request asked for <c>page_size</c>; the last page has no <c>next_page</c>.</summary>
internal sealed record FasjsonPage(int TotalResults, int PageSize, int PageNumber, int TotalPages, string? NextPage);

/// <summary>The fields of a user object this client reads (FASJSON always sends every key; missing ones are null).</summary>
internal sealed record FasjsonUser(string? Username, List<string>? Emails, string? Rhbzemail, bool? Locked);

/// <summary>An entry of <c>/groups/{g}/members/</c>.</summary>
internal sealed record FasjsonMember(string? Username, string? Uri);

/// <summary><c>/me/</c>: a person has <c>username</c>; a service principal (a bot's keytab) has <c>service</c>.</summary>
internal sealed record FasjsonWhoAmI(string? Dn, string? Username, string? Service, string? Uri);

/// <summary>Error bodies: <c>{"message": "User not found", "name": "x"}</c>, <c>{"message": …, "source": "LDAP"}</c>.</summary>
internal sealed record FasjsonError(string? Message, string? Details, string? Source);

internal static class FasjsonJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

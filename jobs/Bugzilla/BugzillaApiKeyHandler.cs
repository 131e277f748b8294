using System.Net.Http.Headers;

namespace Releng.Jobs.Bugzilla;

/// <summary>
/// Sends the API key as <c>Authorization: Bearer …</c>, the only form Red Hat Bugzilla accepts since 2022 (it ignores
/// <c>api_key=</c> and <c>Bugzilla_api_key</c>). A key in the query string would also land in logged URLs.
/// Without a key, requests go anonymously and Bugzilla hides e-mail addresses.
/// </summary>
public sealed class BugzillaApiKeyHandler(string? apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return base.SendAsync(request, cancellationToken);
    }
}

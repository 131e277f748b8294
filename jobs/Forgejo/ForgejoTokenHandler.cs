using System.Net.Http.Headers;

namespace Releng.Jobs.Forgejo;

/// <summary>
/// Adds <c>Authorization: token …</c>, never the deprecated <c>?token=</c> query. Without a token requests go
/// anonymously, which public repositories allow for reads.
/// </summary>
public sealed class ForgejoTokenHandler(string? token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}

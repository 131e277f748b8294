using System.Net.Http.Headers;

namespace Releng.Jobs.Pagure;

/// <summary>Adds <c>Authorization: token …</c> (Pagure rejects <c>Bearer</c>). Without a token, requests go anonymously.</summary>
public sealed class PagureTokenHandler(string? token) : DelegatingHandler
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

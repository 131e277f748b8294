using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Releng.Jobs.Http;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>POSTs one XML-RPC document to the hub and reads the answer; HTTP errors and unreadable bodies become <see cref="KojiProtocolException"/>.</summary>
internal sealed class KojiTransport(IHttpClientFactory httpClients, string clientName)
{
    public async Task<XmlRpcResult> SendAsync(
        Uri url, string method, string body, bool idempotent, KojiSessionHeaders? session, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
        };
        if (idempotent)
        {
            request.MarkIdempotent();
        }
        if (session is not null)
        {
            request.Headers.Add("Koji-Session-Id", session.SessionId.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("Koji-Session-Key", session.SessionKey);
            request.Headers.Add("Koji-Session-Callnum", session.CallNumber.ToString(CultureInfo.InvariantCulture));
        }
        var client = httpClients.CreateClient(clientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new KojiProtocolException(method, $"the hub at {url.Host} could not be reached: {HttpFailure.Describe(e)}", null, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var excerpt = text.Length > 300 ? text[..300] + "…" : text;
                throw new KojiProtocolException(method,
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt.Trim()}", (int)response.StatusCode);
            }
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            try
            {
                return XmlRpcCodec.DecodeResponse(stream);
            }
            catch (XmlRpcFormatException e)
            {
                throw new KojiProtocolException(method, $"the hub's answer is not valid XML-RPC: {e.Message}", (int)response.StatusCode, e);
            }
        }
    }
}

/// <summary>The three headers that authenticate one call of a session.</summary>
internal sealed record KojiSessionHeaders(int SessionId, string SessionKey, int CallNumber)
{
    public override string ToString() => $"session {SessionId} call {CallNumber}";
}

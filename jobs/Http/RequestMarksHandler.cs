namespace Releng.Jobs.Http;

/// <summary>
/// Marks a service's requests by path for the HTTP policy: POSTs that only read (Pagure's <c>POST /api/0/-/whoami</c>)
/// become safe to repeat, and synchronous server-side writes (Pagure's <c>POST /api/0/new</c> with <c>wait=true</c>)
/// get <see cref="HttpOptions.SynchronousWriteTimeout"/>. Add it before <see cref="HttpSetup.AddRelengPolicy"/>: it
/// must run first.
/// </summary>
public sealed class RequestMarksHandler(IReadOnlyCollection<string> readOnlyPosts, IReadOnlyCollection<string>? synchronousWrites = null)
    : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri is { } uri)
        {
            var path = (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).Split('?')[0].TrimEnd('/');
            if (readOnlyPosts.Contains(path, StringComparer.Ordinal))
            {
                request.MarkIdempotent();
            }
            if (synchronousWrites?.Contains(path, StringComparer.Ordinal) == true)
            {
                request.MarkSynchronousWrite();
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}

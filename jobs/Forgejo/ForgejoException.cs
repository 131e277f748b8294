using System.Net;

namespace Releng.Jobs.Forgejo;

/// <summary>
/// A failed Forgejo API call: the status and Forgejo's <c>message</c>, or an explanation where Forgejo sends none (its
/// permission checks answer 403 with an empty body; a private repository answers 404 as if it did not exist).
/// </summary>
public sealed class ForgejoException(HttpStatusCode status, string message, string? method = null, string? path = null)
    : Exception(method is null ? $"{(int)status}: {message}" : $"{method} {path}: {(int)status}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string ServerMessage { get; } = message;
}

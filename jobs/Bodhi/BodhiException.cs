using System.Net;

namespace Releng.Jobs.Bodhi;

/// <summary>
/// Bodhi refused or failed a request. Bodhi's errors come as
/// <c>{"status":"error","errors":[{"location":…,"name":…,"description":…}]}</c>; <see cref="Errors"/> holds the descriptions.
/// </summary>
public sealed class BodhiException(HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner = null)
    : Exception(status is { } s
        ? $"Bodhi answered HTTP {(int)s}: {string.Join("; ", errors)}"
        : $"Bodhi could not be reached: {string.Join("; ", errors)}", inner)
{
    public HttpStatusCode? Status { get; } = status;
    public IReadOnlyList<string> Errors { get; } = errors;
}

using System.Net;

namespace Releng.Jobs.Pagure;

/// <summary>
/// A Pagure API error (pagure.io tickets or src.fedoraproject.org dist-git), carrying Pagure's <c>error_code</c>
/// (<c>ENOPROJECT</c>, <c>EINVALIDTOK</c>, …) and its <c>errors</c> detail, which is a string or a field → messages map.
/// </summary>
public sealed class PagureException(HttpStatusCode status, string errorCode, string error, string? detail = null)
    : Exception(detail is null ? $"{(int)status} {errorCode}: {error}" : $"{(int)status} {errorCode}: {error} ({detail})")
{
    public HttpStatusCode Status { get; } = status;
    public string ErrorCode { get; } = errorCode;
    public string Error { get; } = error;
    public string? Detail { get; } = detail;
}

using System.Security.Authentication;

namespace Releng.Jobs.Http;

/// <summary>
/// Reading a failed request in the user's words. .NET says "The SSL connection could not be established, see inner
/// exception": the inner reason (untrusted CA, name mismatch, expired certificate) is what a person needs, in one line.
/// </summary>
public static class HttpFailure
{
    /// <summary>A TLS handshake that failed: the same certificate fails again, so retrying cannot help.</summary>
    public static bool IsTls(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }
        || exception?.InnerException is AuthenticationException;

    public static string Describe(Exception exception)
    {
        if (IsTls(exception))
        {
            var reason = Innermost(exception).Message;
            return $"TLS failed: {OneLine(reason)}";
        }
        var message = exception.Message;
        if (exception.InnerException is { } inner && message.Contains("inner exception", StringComparison.OrdinalIgnoreCase))
        {
            message = Innermost(inner).Message;
        }
        return OneLine(message);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }
        return exception;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

namespace Releng.Jobs.Koji;

/// <summary>Any failure talking to Koji. <see cref="Method"/> names the XML-RPC call; no argument values are kept, so a password never reaches a log.</summary>
public class KojiException(string method, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Method { get; } = method;
}

/// <summary>The hub answered with something other than an XML-RPC document: an HTTP error (400 for a malformed request, 405, 5xx after retries) or unreadable XML.</summary>
public sealed class KojiProtocolException(string method, string message, int? httpStatus = null, Exception? inner = null)
    : KojiException(method, $"Koji {method}: {message}", inner)
{
    public int? HttpStatus { get; } = httpStatus;
}

/// <summary>No usable credentials for a Koji session (nothing set, or the client certificate file is missing).</summary>
public sealed class KojiCredentialsException(string message) : KojiException("login", message);

using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// A fault the hub returned (HTTP 200 with <c>&lt;fault&gt;</c>). <see cref="Create"/> picks the subclass by code,
/// so callers catch what they can handle: <see cref="KojiGenericException"/> (1000: missing objects, invalid
/// method, "package X NOT blocked"), <see cref="KojiAuthException"/>, <see cref="KojiActionNotAllowedException"/>,
/// <see cref="KojiServerOfflineException"/>, <see cref="KojiParameterException"/>, <see cref="KojiCallNumberException"/>.
/// </summary>
public class KojiFaultException : KojiException
{
    public KojiFaultException(string method, int code, string faultString)
        : this(method, code, faultString, $"Koji {method} failed with fault {code} ({KojiFaultCode.Name(code)}): {faultString}")
    {
    }

    protected KojiFaultException(string method, int code, string faultString, string message) : base(method, message)
    {
        Code = code;
        FaultString = faultString;
    }

    public int Code { get; }
    public string FaultString { get; }

    public static KojiFaultException Create(string method, XmlRpcFault fault) => fault.Code switch
    {
        KojiFaultCode.Generic => new KojiGenericException(method, fault.Message),
        KojiFaultCode.Auth or KojiFaultCode.AuthLock or KojiFaultCode.AuthExpired or KojiFaultCode.GssapiAuth =>
            new KojiAuthException(method, fault.Code, fault.Message),
        KojiFaultCode.ActionNotAllowed => new KojiActionNotAllowedException(method, fault.Message),
        KojiFaultCode.ServerOffline => new KojiServerOfflineException(method, fault.Message),
        KojiFaultCode.Parameter => new KojiParameterException(method, fault.Message),
        _ => new KojiFaultException(method, fault.Code, fault.Message),
    };
}

/// <summary>Fault 1000 GenericError: no such tag/build (with strict), invalid method, "package X NOT blocked in tag Y", …</summary>
public sealed class KojiGenericException(string method, string faultString)
    : KojiFaultException(method, KojiFaultCode.Generic, faultString);

/// <summary>Faults 1002/1006/1007/1023: bad credentials, an invalid or expired session, no verified client certificate.</summary>
public sealed class KojiAuthException(string method, int code, string faultString) : KojiFaultException(method, code, faultString);

/// <summary>Fault 1004: the call needs a login or a permission the session does not have.</summary>
public sealed class KojiActionNotAllowedException(string method, string faultString)
    : KojiFaultException(method, KojiFaultCode.ActionNotAllowed, faultString);

/// <summary>Fault 1014: the hub is offline, locked out or its database is down. Try again later.</summary>
public sealed class KojiServerOfflineException(string method, string faultString)
    : KojiFaultException(method, KojiFaultCode.ServerOffline, faultString);

/// <summary>Fault 1019: wrong number of arguments or an unknown keyword argument — a client bug.</summary>
public sealed class KojiParameterException(string method, string faultString)
    : KojiFaultException(method, KojiFaultCode.Parameter, faultString);

/// <summary>
/// Faults 1008 (SequenceError) and 1009 (RetryError): the session's call number went backwards or was reused. The
/// hub refuses the call, reads included; a reused number usually means a call was sent twice, so a write may
/// already have been applied by the first attempt.
/// </summary>
public sealed class KojiCallNumberException : KojiFaultException
{
    public KojiCallNumberException(string method, int code, string faultString, int sessionId, int callNumber)
        : base(method, code, faultString, Explain(method, code, faultString, sessionId, callNumber))
    {
        SessionId = sessionId;
        CallNumber = callNumber;
    }

    public int SessionId { get; }
    public int CallNumber { get; }
    /// <summary>True for 1009: this exact call number was already used by a committed call.</summary>
    public bool IsReusedCallNumber => Code == KojiFaultCode.Retry;

    private static string Explain(string method, int code, string faultString, int sessionId, int callNumber) =>
        code == KojiFaultCode.Retry
            ? $"Koji refused {method}: call number {callNumber} of session {sessionId} was already used (fault 1009 RetryError: " +
              $"{faultString}). Calls of one session must be sent one at a time and never repeated; if this was a write, " +
              "the earlier attempt may already have been applied."
            : $"Koji refused {method}: call number {callNumber} of session {sessionId} is lower than one the hub already " +
              $"saw (fault 1008 SequenceError: {faultString}). Another client is using this session, or calls were reordered.";
}

using System.Net;

namespace Releng.Jobs.Bugzilla;

/// <summary>
/// Bugzilla refused or failed a request. <see cref="Code"/> is Bugzilla's own error code when it sent one
/// (<c>101</c> no such bug, <c>102</c> access denied, <c>410</c> login required, …); <see cref="Status"/> is null when
/// no response arrived. The message never contains the API key.
/// </summary>
public sealed class BugzillaException : Exception
{
    public const int InvalidBugAlias = 100;
    public const int BugDoesNotExist = 101;
    public const int AccessDenied = 102;
    public const int LoginRequired = 410;

    public BugzillaException(HttpStatusCode? status, int? code, string bugzillaMessage, Exception? inner = null)
        : base(Describe(status, code, bugzillaMessage), inner)
    {
        Status = status;
        Code = code;
        BugzillaMessage = bugzillaMessage;
    }

    public HttpStatusCode? Status { get; }
    public int? Code { get; }
    /// <summary>Bugzilla's message alone (e.g. <c>Bug #12 does not exist.</c>), or the transport failure's.</summary>
    public string BugzillaMessage { get; }

    public bool IsMissingBug => Code is BugDoesNotExist or InvalidBugAlias;

    private static string Describe(HttpStatusCode? status, int? code, string message) =>
        (status, code) switch
        {
            ({ } s, { } c) => $"Bugzilla error {c} (HTTP {(int)s}): {message}",
            ({ } s, null) => $"Bugzilla answered HTTP {(int)s}: {message}",
            (null, { } c) => $"Bugzilla error {c}: {message}",
            _ => $"Bugzilla could not be reached: {message}",
        };
}

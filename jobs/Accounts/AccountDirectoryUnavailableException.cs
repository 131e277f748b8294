namespace Releng.Jobs.Accounts;

/// <summary>
/// The account directory cannot answer: none is configured (<see cref="UnavailableAccountDirectory"/>), or FASJSON
/// failed or refused the Kerberos ticket. Jobs catch it per ticket and leave that ticket for a person with
/// <see cref="Exception.Message"/> as the reason; nothing is written on a guess about who someone is.
/// </summary>
public sealed class AccountDirectoryUnavailableException(string reason = AccountDirectoryUnavailableException.Reason, Exception? inner = null)
    : Exception(reason, inner)
{
    public const string Reason = "cannot verify Fedora accounts: no account directory is configured";
}

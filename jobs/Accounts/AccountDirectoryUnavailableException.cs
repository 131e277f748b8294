namespace Releng.Jobs.Accounts;

/// <summary>
/// Thrown by <see cref="UnavailableAccountDirectory"/>. Jobs catch it per ticket and leave that ticket for a person
/// with <see cref="Exception.Message"/> as the reason; nothing is written on a guess about who someone is.
/// </summary>
public sealed class AccountDirectoryUnavailableException() : Exception(Reason)
{
    public const string Reason = "cannot verify Fedora accounts: no account directory is configured";
}

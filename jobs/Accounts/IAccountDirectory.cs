namespace Releng.Jobs.Accounts;

/// <summary>
/// Who a person is in the Fedora account system (FAS): the bridge from a Bugzilla e-mail or a Pagure user name to an
/// account, and its groups (<c>packager</c>, <c>provenpackager</c>, <c>releng</c>). The directory is FASJSON (with
/// Kerberos in the real environments, the sandbox's FASJSON fake otherwise); where there is none,
/// <see cref="UnavailableAccountDirectory"/> answers. A directory that cannot answer throws
/// <see cref="AccountDirectoryUnavailableException"/> so no job mistakes "cannot tell" for "no".
/// </summary>
public interface IAccountDirectory
{
    /// <summary>
    /// The account that uses this e-mail: <c>&lt;user&gt;@fedoraproject.org</c> is always that user's alias; otherwise
    /// the account's FAS e-mail or its Bugzilla e-mail. Null when no account uses it. Case-insensitive.
    /// </summary>
    Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The account with this user name (case-sensitive, as FAS names are), or null.</summary>
    Task<FedoraAccount?> FindByUserAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Whether the user exists and is in the <c>packager</c> group.</summary>
    Task<bool> IsPackagerAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Whether the user is a member of the group.</summary>
    Task<bool> IsInGroupAsync(string user, string group, CancellationToken cancellationToken = default);

    /// <summary>The group's members, sorted; empty for an unknown group.</summary>
    Task<IReadOnlyList<string>> GroupMembersAsync(string group, CancellationToken cancellationToken = default);
}

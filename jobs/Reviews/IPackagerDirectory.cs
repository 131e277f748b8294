namespace Releng.Jobs.Reviews;

/// <summary>
/// Who is behind a Bugzilla e-mail. Bugzilla knows people by e-mail, Pagure and the packager group by FAS user name;
/// the review rules need the bridge. FASJSON (the real directory) needs Kerberos, so this is an abstraction the
/// environment fills in.
/// </summary>
public interface IPackagerDirectory
{
    /// <summary>
    /// The account that uses this e-mail: <c>&lt;user&gt;@fedoraproject.org</c> is always that user's alias; otherwise
    /// the account's FAS e-mail or its Bugzilla e-mail. Null when no account uses it. Case-insensitive.
    /// </summary>
    Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}

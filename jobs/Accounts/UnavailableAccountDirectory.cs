namespace Releng.Jobs.Accounts;

/// <summary>
/// The account directory of an environment that has none (no FASJSON address, or no Kerberos credentials for it):
/// every question fails with <see cref="AccountDirectoryUnavailableException"/> carrying <paramref name="reason"/>.
/// Answering "unknown account" instead would make the jobs refuse packagers and close tickets for the wrong reason.
/// </summary>
public sealed class UnavailableAccountDirectory(string reason = AccountDirectoryUnavailableException.Reason) : IAccountDirectory
{
    public Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => Unavailable<FedoraAccount?>();

    public Task<FedoraAccount?> FindByUserAsync(string user, CancellationToken cancellationToken = default) => Unavailable<FedoraAccount?>();

    public Task<bool> IsPackagerAsync(string user, CancellationToken cancellationToken = default) => Unavailable<bool>();

    public Task<bool> IsInGroupAsync(string user, string group, CancellationToken cancellationToken = default) => Unavailable<bool>();

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, CancellationToken cancellationToken = default) =>
        Unavailable<IReadOnlyList<string>>();

    private Task<T> Unavailable<T>() => Task.FromException<T>(new AccountDirectoryUnavailableException(reason));
}

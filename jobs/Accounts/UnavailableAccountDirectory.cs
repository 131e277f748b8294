namespace Releng.Jobs.Accounts;

/// <summary>
/// The account directory of an environment that has none (the real ones, until a FASJSON client exists): every
/// question throws <see cref="AccountDirectoryUnavailableException"/>. Answering "unknown account" instead would make
/// the jobs refuse packagers and close tickets for the wrong reason.
/// </summary>
public sealed class UnavailableAccountDirectory : IAccountDirectory
{
    public Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        throw new AccountDirectoryUnavailableException();

    public Task<FedoraAccount?> FindByUserAsync(string user, CancellationToken cancellationToken = default) =>
        throw new AccountDirectoryUnavailableException();

    public Task<bool> IsPackagerAsync(string user, CancellationToken cancellationToken = default) =>
        throw new AccountDirectoryUnavailableException();

    public Task<bool> IsInGroupAsync(string user, string group, CancellationToken cancellationToken = default) =>
        throw new AccountDirectoryUnavailableException();

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, CancellationToken cancellationToken = default) =>
        throw new AccountDirectoryUnavailableException();
}

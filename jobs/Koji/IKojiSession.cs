namespace Releng.Jobs.Koji;

/// <summary>
/// An authenticated hub session. Calls are sent one at a time with an increasing call number
/// (<c>Koji-Session-Callnum</c>) and are never retried automatically: a repeated number is refused by the hub
/// (<see cref="KojiCallNumberException"/>) and a repeated write could apply twice. Disposing logs out.
/// </summary>
public interface IKojiSession : IAsyncDisposable
{
    int SessionId { get; }

    Task<T> CallAsync<T>(KojiCall<T> call, CancellationToken cancellationToken = default);

    Task<KojiUser?> GetLoggedInUserAsync(CancellationToken cancellationToken = default);

    /// <summary><c>packageListUnblock(tag, package)</c>. Throws <see cref="KojiGenericException"/> "package X NOT blocked in tag Y" when it is not blocked.</summary>
    Task UnblockPackageAsync(string tag, string package, CancellationToken cancellationToken = default);

    /// <summary>Starts a kiwi image build; returns the task id.</summary>
    Task<int> KiwiBuildAsync(KiwiBuildRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>build(source, target)</c>; returns the task id.</summary>
    Task<int> BuildAsync(string source, string target, bool scratch = false, CancellationToken cancellationToken = default);

    Task LogoutAsync(CancellationToken cancellationToken = default);
}

namespace Releng.Jobs.ScmRequests;

/// <summary>An <see cref="IGroupDirectory"/> over a fixed user → groups map (the sandbox's people, tests).</summary>
public sealed class InMemoryGroupDirectory(IReadOnlyDictionary<string, IReadOnlyList<string>> groupsByUser) : IGroupDirectory
{
    public Task<bool> IsMemberAsync(string user, string group, CancellationToken cancellationToken = default) =>
        Task.FromResult(groupsByUser.TryGetValue(user, out var groups) && groups.Contains(group, StringComparer.Ordinal));

    public Task<IReadOnlyList<string>> MembersAsync(string group, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(groupsByUser
            .Where(entry => entry.Value.Contains(group, StringComparer.Ordinal))
            .Select(entry => entry.Key).Order(StringComparer.Ordinal).ToList());
}

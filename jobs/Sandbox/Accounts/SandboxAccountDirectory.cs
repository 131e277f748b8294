using Releng.Jobs.Accounts;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Accounts;

/// <summary>
/// The sandbox's Fedora accounts: the scenario's <c>people:</c>, each known by its user name, its e-mail and
/// <c>&lt;user&gt;@fedoraproject.org</c>, in the <c>packager</c> group when marked so and in its listed groups.
/// </summary>
public sealed class SandboxAccountDirectory(IReadOnlyDictionary<string, PersonScenario> people) : IAccountDirectory
{
    private const string FedoraAliasDomain = "@fedoraproject.org";
    private const string PackagerGroup = "packager";

    public static SandboxAccountDirectory From(SandboxWorld world) => new(world.People);

    public Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var found = people.FirstOrDefault(p => string.Equals(p.Value.EmailOr(p.Key), email, StringComparison.OrdinalIgnoreCase));
        if (found.Value is null && email.EndsWith(FedoraAliasDomain, StringComparison.OrdinalIgnoreCase))
        {
            return FindByUserAsync(email[..^FedoraAliasDomain.Length], cancellationToken);
        }
        return Task.FromResult(found.Value is null ? null : Account(found.Key, found.Value));
    }

    public Task<FedoraAccount?> FindByUserAsync(string user, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.TryGetValue(user, out var person) ? Account(user, person) : null);

    public Task<bool> IsPackagerAsync(string user, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.TryGetValue(user, out var person) && person.Packager);

    public Task<bool> IsInGroupAsync(string user, string group, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.TryGetValue(user, out var person) && InGroup(person, group));

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(people.Where(p => InGroup(p.Value, group)).Select(p => p.Key)
            .Order(StringComparer.Ordinal).ToList());

    private static FedoraAccount? Account(string user, PersonScenario person) =>
        new(user, person.EmailOr(user), person.Packager);

    // FAS lists packagers as members of the packager group; scenarios say it with a flag.
    private static bool InGroup(PersonScenario person, string group) =>
        (group == PackagerGroup && person.Packager) || person.Groups.Contains(group, StringComparer.Ordinal);
}

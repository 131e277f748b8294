namespace Releng.Jobs.Reviews;

/// <summary>An <see cref="IPackagerDirectory"/> over a fixed list of accounts (the sandbox's people, tests).</summary>
public sealed class InMemoryPackagerDirectory(IEnumerable<FedoraAccount> accounts) : IPackagerDirectory
{
    private const string FedoraAliasDomain = "@fedoraproject.org";
    private readonly List<FedoraAccount> _accounts = accounts.ToList();

    public Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var found = _accounts.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase));
        if (found is null && email.EndsWith(FedoraAliasDomain, StringComparison.OrdinalIgnoreCase))
        {
            var user = email[..^FedoraAliasDomain.Length];
            found = _accounts.FirstOrDefault(a => string.Equals(a.User, user, StringComparison.Ordinal));
        }
        return Task.FromResult(found);
    }
}

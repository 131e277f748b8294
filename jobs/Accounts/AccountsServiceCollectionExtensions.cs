using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Releng.Jobs.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="UnavailableAccountDirectory"/> as <see cref="IAccountDirectory"/> unless one is registered
    /// already; an environment with a real directory (the sandbox's people) registers its own after this.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton<IAccountDirectory, UnavailableAccountDirectory>();
        return services;
    }
}

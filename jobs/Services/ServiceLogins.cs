using Releng.Jobs.Kerberos;
using Releng.Jobs.Koji;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Services;

/// <summary>
/// Which login each service will get, from the credentials present and the Kerberos set-up the process was started
/// with: for the services check and for the head of every job's plan. Names no secret and contacts nothing.
/// </summary>
public static class ServiceLogins
{
    public static IReadOnlyList<(string Service, string Login)> For(
        ServiceEndpoints endpoints, Credentials credentials, KerberosEnvironment kerberos, bool sandbox)
    {
        static string Token(string? value, string variable) => value is null ? "anonymous (reads only)" : $"token ({variable})";
        var koji = KojiLogin.For(credentials);
        var kerberosProblem = kerberos.Problem(credentials);
        var kojiLine = koji.Method == KojiLoginMethod.Kerberos && kerberosProblem is not null
            ? $"{koji.Description}, which will fail: {kerberosProblem}"
            : koji.Description;
        var fasjson = endpoints.Fasjson is null ? "none: no FASJSON address (tickets needing an account answer are left for a person)"
            : sandbox ? "none needed (the sandbox's FASJSON fake)"
            : kerberosProblem is null ? $"Kerberos (HTTP Negotiate as {credentials.Krb5Principal})"
            : $"none: {kerberosProblem} (tickets needing an account answer are left for a person)";
        return
        [
            (ServiceName.Forge, endpoints.Forge is null ? "none: no forge address (services: <environment>: forge:)" : Token(credentials.ForgeToken, "FORGE_TOKEN")),
            (ServiceName.Pagure, Token(credentials.PagureToken, "PAGURE_TOKEN")),
            (ServiceName.DistGit, Token(credentials.DistGitToken, "DISTGIT_TOKEN")),
            (ServiceName.Koji, kojiLine),
            (ServiceName.Bugzilla, credentials.BugzillaApiKey is null ? "anonymous (reads only)" : "API key (BUGZILLA_API_KEY)"),
            (ServiceName.Bodhi, "anonymous (reads only)"),
            (ServiceName.Fasjson, fasjson),
            ("registry", credentials is { RegistryUser: not null, RegistryPassword: not null }
                ? "user and password (REGISTRY_USER, REGISTRY_PASSWORD)" : "anonymous (pulls only)"),
        ];
    }
}

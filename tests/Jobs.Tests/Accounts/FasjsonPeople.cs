using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Accounts;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Accounts;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using WireMock.Server;

namespace Releng.Jobs.Tests.Accounts;

/// <summary>
/// Some people behind the sandbox's FASJSON fake, and the FASJSON directory reading them over HTTP: the directory
/// code every environment runs. The servers live as long as the test process.
/// </summary>
internal static class FasjsonPeople
{
    private static readonly List<WireMockServer> Servers = [];

    public static HttpSettings Http { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 1 };

    public static IAccountDirectory Directory(IReadOnlyDictionary<string, PersonScenario> people) =>
        Directory(people, out _);

    public static IAccountDirectory Directory(IReadOnlyDictionary<string, PersonScenario> people, out WireMockServer server)
    {
        server = WireMockServer.Start();
        new FasjsonFake(new SandboxWorld { People = new Dictionary<string, PersonScenario>(people) }).Map(server);
        lock (Servers)
        {
            Servers.Add(server);
        }
        return Over(new Uri(server.Urls[0] + "/"));
    }

    /// <summary>The directory for a FASJSON at <paramref name="root"/>, without Kerberos.</summary>
    public static IAccountDirectory Over(Uri root)
    {
        var endpoints = new ServiceEndpoints(root, root, root, root, root, root, null, Fasjson: root);
        return new ServiceCollection().AddSingleton(endpoints).AddFasjsonAccounts(negotiate: false, Http)
            .BuildServiceProvider().GetRequiredService<IAccountDirectory>();
    }
}

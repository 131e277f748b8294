using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Accounts;
using Releng.Jobs.Http;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using WireMock.Server;

namespace Releng.Jobs.Tests.Accounts;

/// <summary>
/// Some people behind the sandbox's FASJSON fake (the shared <see cref="TestSandbox"/> with only that fake), and the
/// FASJSON directory reading them over HTTP: the directory code every environment runs. The sandboxes live as long as
/// the test process.
/// </summary>
internal static class FasjsonPeople
{
    private static readonly List<TestSandbox> Sandboxes = [];

    public static HttpOptions Http { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 1 };

    public static IAccountDirectory Directory(IReadOnlyDictionary<string, PersonScenario> people) =>
        Directory(people, out _);

    public static IAccountDirectory Directory(IReadOnlyDictionary<string, PersonScenario> people, out WireMockServer server)
    {
        var sandbox = TestSandbox.From(new Scenario { People = new Dictionary<string, PersonScenario>(people) },
            new TestSandboxOptions { Fakes = [ServiceName.Fasjson] });
        lock (Sandboxes)
        {
            Sandboxes.Add(sandbox);
        }
        server = sandbox.Server(ServiceName.Fasjson);
        return Over(sandbox.Endpoints.Fasjson!);
    }

    /// <summary>The directory for a FASJSON at <paramref name="root"/>, without Kerberos.</summary>
    public static IAccountDirectory Over(Uri root)
    {
        var endpoints = new ServiceEndpoints(root, root, root, root, root, root, null, Fasjson: root);
        return new ServiceCollection().AddSingleton(endpoints).AddFasjsonAccounts(negotiate: false, Http)
            .BuildServiceProvider().GetRequiredService<IAccountDirectory>();
    }
}

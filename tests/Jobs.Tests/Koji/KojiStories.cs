using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Koji;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.Koji;

/// <summary>The fake hub for the Koji client's tests: the shared <see cref="TestSandbox"/> with only the Koji fake.</summary>
internal static class KojiStories
{
    public static Credentials Anonymous => TestSandbox.NoCredentials;

    public static Credentials Password(string user, string password) => Anonymous with { KojiUser = user, KojiPassword = password };

    /// <summary>The fake hub over the scenario, and a client holding <paramref name="credentials"/> (anonymous by default).</summary>
    public static TestSandbox Start(string scenarioYaml, Credentials? credentials = null, KojiClientOptions? options = null) =>
        TestSandbox.FromYaml(scenarioYaml, new TestSandboxOptions
        {
            Fakes = [ServiceName.Koji],
            Credentials = credentials ?? Anonymous,
            Configure = options is null ? null : services => services.AddSingleton(options),
        });

    /// <summary>The Koji client wired the production way (AddKoji) to a hub that is no sandbox fake, e.g. a stub.</summary>
    public static ServiceProvider HubClients(Uri hub, Credentials credentials)
    {
        var unused = new Uri("http://127.0.0.1:9/");
        var endpoints = new ServiceEndpoints(unused, unused, unused, hub, unused, unused);
        return new ServiceCollection().AddKoji(endpoints, credentials, TestSandbox.FastRetries).BuildServiceProvider();
    }
}

using WireMock.Server;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// One fake service of the sandbox: an in-memory model of the service (a part of <see cref="SandboxWorld"/>) with
/// WireMock.Net routes in front whose response callbacks read and change that model, so writes show in later reads.
/// </summary>
public interface IServiceFake
{
    /// <summary>The <see cref="Services.ServiceName"/> this fake answers for.</summary>
    string Service { get; }

    /// <summary>Adds the routes to a server of its own.</summary>
    void Map(WireMockServer server);
}

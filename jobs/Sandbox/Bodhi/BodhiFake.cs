using WireMock.Server;

namespace Releng.Jobs.Sandbox.Bodhi;

/// <summary>WireMock.Net routes that answer like the real Bodhi, over <see cref="BodhiWorld"/>.</summary>
public sealed class BodhiFake(SandboxWorld world) : IServiceFake
{
    public string Service => Services.ServiceName.Bodhi;

    public void Map(WireMockServer server)
    {
        _ = world;
    }
}

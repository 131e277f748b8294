using WireMock.Server;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>WireMock.Net routes that answer like the real Koji, over <see cref="KojiWorld"/>.</summary>
public sealed class KojiFake(SandboxWorld world) : IServiceFake
{
    public string Service => Services.ServiceName.Koji;

    public void Map(WireMockServer server)
    {
        _ = world;
    }
}

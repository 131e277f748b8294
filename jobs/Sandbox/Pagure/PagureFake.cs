using WireMock.Server;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>WireMock.Net routes that answer like the real Pagure, over <see cref="PagureWorld"/>.</summary>
public sealed class PagureFake(SandboxWorld world) : IServiceFake
{
    public string Service => Services.ServiceName.Pagure;

    public void Map(WireMockServer server)
    {
        _ = world;
    }
}

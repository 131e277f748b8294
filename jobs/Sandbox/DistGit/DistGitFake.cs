using WireMock.Server;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>WireMock.Net routes that answer like the real DistGit, over <see cref="DistGitWorld"/>.</summary>
public sealed class DistGitFake(SandboxWorld world) : IServiceFake
{
    public string Service => Services.ServiceName.DistGit;

    public void Map(WireMockServer server)
    {
        _ = world;
    }
}

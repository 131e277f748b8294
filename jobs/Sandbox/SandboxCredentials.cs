using Releng.Jobs.Secrets;

namespace Releng.Jobs.Sandbox;

/// <summary>
/// The credentials every run against the sandbox uses: fixed, obviously fake values the fakes accept, so real
/// credentials are never sent to them.
/// </summary>
public static class SandboxCredentials
{
    public static Credentials Default { get; } = new(
        "sandbox-pagure-token", "sandbox-distgit-token", "sandbox-bugzilla-key", "releng-bot", "sandbox",
        null, null, null, null, ForgeToken: "sandbox-forge-token");
}

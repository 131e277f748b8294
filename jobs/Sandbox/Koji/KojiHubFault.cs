namespace Releng.Jobs.Sandbox.Koji;

/// <summary>A fault the fake hub answers with (HTTP 200, <c>&lt;fault&gt;</c>), as the real hub raises koji.GenericError and friends.</summary>
internal sealed class KojiHubFault(int code, string message) : Exception(message)
{
    public int Code { get; } = code;

    public static KojiHubFault Generic(string message) => new(1000, message);
}

namespace Releng.Jobs.Koji;

/// <summary>How the client batches multicalls. The hub caps a request body at 4 MiB; stay well below it.</summary>
public sealed record KojiClientOptions
{
    /// <summary>Calls per <c>system.multicall</c> request; each request is one hub transaction.</summary>
    public int MaxCallsPerMultiCall { get; init; } = 500;
    /// <summary>Encoded request bytes per multicall request.</summary>
    public int MaxMultiCallBytes { get; init; } = 1024 * 1024;

    public static KojiClientOptions Default { get; } = new();
}

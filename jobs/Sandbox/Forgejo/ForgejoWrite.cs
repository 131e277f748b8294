namespace Releng.Jobs.Sandbox.Forgejo;

/// <summary>One write request the fake received, accepted or refused.</summary>
public sealed record ForgejoWrite(DateTimeOffset At, string Method, string Path, int Status, string? User);

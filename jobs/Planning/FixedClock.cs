namespace Releng.Jobs.Planning;

/// <summary>A clock that always says the same time: the sandbox's "now", so its scenarios stay reproducible.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

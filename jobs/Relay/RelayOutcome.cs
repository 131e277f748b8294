using Releng.Jobs.GitHub;

namespace Releng.Jobs.Relay;

/// <summary>What the relay answers the forge (an HTTP status and a short reason) and what it dispatched, if anything.</summary>
public sealed record RelayOutcome(int Status, string Reason, RepositoryDispatch? Dispatched = null)
{
    public static RelayOutcome Ignored(string reason) => new(202, "ignored: " + reason);
}

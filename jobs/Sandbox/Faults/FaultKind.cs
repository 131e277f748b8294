namespace Releng.Jobs.Sandbox.Faults;

/// <summary>What an injected fault does to one request.</summary>
public enum FaultKind
{
    /// <summary>Answered 503 without acting, as a proxy in front of an overloaded service does.</summary>
    Unavailable,
    /// <summary>The connection drops before the service acted: nothing happened.</summary>
    DroppedBefore,
    /// <summary>The service acted (a write happened) and the connection dropped before the answer: the client cannot know.</summary>
    DroppedAfter,
}

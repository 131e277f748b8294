namespace Releng.Jobs.Sandbox.Faults;

/// <summary>One injected fault, for the log and for tests.</summary>
public sealed record InjectedFault(string Service, string Method, string Request, FaultKind Kind);

namespace Releng.Jobs.GitHub;

/// <summary>A <c>repository_dispatch</c> payload that names no ticket this repository's jobs handle. Nothing runs.</summary>
public sealed class DispatchRefusedException(string message) : Exception(message);

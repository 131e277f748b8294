namespace Releng.Jobs.GitHub;

/// <summary>GitHub refused or failed a request; the message says what to check. Never carries the token.</summary>
public sealed class GitHubException(string message, Exception? inner = null) : Exception(message, inner);

namespace Releng.Jobs.DistGit;

/// <summary>
/// A name from untrusted input (a ticket) that does not follow the dist-git rules. The message quotes the value
/// through <see cref="Tickets.SafeEcho"/>, so it is safe to post back to the ticket or print in a log.
/// </summary>
public sealed class DistGitNameException(string kind, string? value, string rule)
    : ArgumentException($"invalid {kind} {Quote(value)}: {rule}")
{
    public string Kind { get; } = kind;
    public string? Value { get; } = value;

    private static string Quote(string? value) => value is null ? "(none)" : Tickets.SafeEcho.Name(value);
}

namespace Releng.Jobs.Tickets;

/// <summary>
/// Close statuses differ per project (<c>releng</c>: Fixed, Invalid, …; <c>releng/fedora-scm-requests</c>:
/// Processed, Invalid, Denied), so jobs name what they mean in order of preference and take the first the project has.
/// </summary>
public static class CloseStatuses
{
    /// <summary>
    /// The project's spelling of the first of <paramref name="preferred"/> it allows (letter case ignored), or null.
    /// E.g. <c>Choose(allowed, "Processed", "Fixed")</c>.
    /// </summary>
    public static string? Choose(IReadOnlyList<string> allowed, params string[] preferred) =>
        preferred
            .Select(wanted => allowed.FirstOrDefault(status => string.Equals(status, wanted, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(status => status is not null);
}

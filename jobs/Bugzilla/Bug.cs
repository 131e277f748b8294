namespace Releng.Jobs.Bugzilla;

/// <summary>
/// A Bugzilla bug as the review rules need it. E-mail fields (<see cref="Creator"/>, <see cref="AssignedTo"/>,
/// flag setters) are only complete when the request was authenticated; anonymously Bugzilla filters them.
/// </summary>
/// <param name="Components">Red Hat Bugzilla sends <c>component</c> as an array (upstream as a string); both parse here.</param>
/// <param name="Resolution">Empty while the bug is open.</param>
/// <param name="AssignedTo">E-mail; <c>nobody@fedoraproject.org</c> or empty means unassigned.</param>
public sealed record Bug(
    int Id,
    string Summary,
    string Status,
    string Resolution,
    string Product,
    IReadOnlyList<string> Components,
    string Creator,
    string AssignedTo,
    DateTimeOffset CreationTime,
    IReadOnlyList<BugFlag> Flags)
{
    /// <summary>The review flag every package review carries.</summary>
    public const string ReviewFlagName = "fedora-review";

    /// <summary>The flags with this name, in Bugzilla's order (a flag type may appear more than once).</summary>
    public IEnumerable<BugFlag> FlagsNamed(string name) =>
        Flags.Where(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

namespace Releng.Jobs.Bugzilla;

/// <summary>A flag on a bug, e.g. <c>fedora-review</c> <c>+</c>.</summary>
/// <param name="Status"><c>+</c>, <c>-</c> or <c>?</c>.</param>
/// <param name="Setter">E-mail of whoever set the flag to its current status.</param>
/// <param name="ModificationDate">When the current status was set: the date the review rules count from.</param>
public sealed record BugFlag(
    string Name,
    string Status,
    string Setter,
    DateTimeOffset CreationDate,
    DateTimeOffset ModificationDate)
{
    public bool IsGranted => Status == "+";
}

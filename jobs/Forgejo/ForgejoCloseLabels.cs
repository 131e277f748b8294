namespace Releng.Jobs.Forgejo;

/// <summary>
/// How one tracker records why a ticket was closed: Forgejo has no close status, so Fedora Forge uses the exclusive
/// labels the Pagure migration creates, <c>Closed As/&lt;status&gt;</c>. Which of them a tracker really has is not
/// known in advance, so the label for each status is configurable; <see cref="Default"/> follows the migration's naming.
/// </summary>
public sealed record ForgejoCloseLabels(IReadOnlyDictionary<string, string> LabelByStatus)
{
    public const string MigratedPrefix = "Closed As/";

    /// <summary>The close statuses of pagure.io's releng and fedora-scm-requests projects, as migrated labels.</summary>
    public static ForgejoCloseLabels Default { get; } = For(
        "Processed", "Invalid", "Denied", "Fixed", "Duplicate", "Insufficient data", "Upstream", "Can't Fix", "Won't Fix");

    /// <summary><c>Closed As/&lt;status&gt;</c> for each of <paramref name="statuses"/>.</summary>
    public static ForgejoCloseLabels For(params string[] statuses) =>
        new(statuses.ToDictionary(status => status, status => MigratedPrefix + status, StringComparer.OrdinalIgnoreCase));

    /// <summary>The label configured for <paramref name="status"/> (any letter case), else null.</summary>
    public string? LabelFor(string status) => LabelByStatus.TryGetValue(status, out var label) ? label : null;

    /// <summary>The status a label on a closed issue stands for: a configured label, or any <c>Closed As/…</c> label.</summary>
    public string? StatusOf(string labelName)
    {
        foreach (var (status, label) in LabelByStatus)
        {
            if (string.Equals(label, labelName, StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }
        return labelName.StartsWith(MigratedPrefix, StringComparison.OrdinalIgnoreCase) && labelName.Length > MigratedPrefix.Length
            ? labelName[MigratedPrefix.Length..]
            : null;
    }
}

using Releng.Jobs.Configuration;

namespace Releng.Jobs.Trackers;

/// <summary>
/// The ticket jobs' <c>close_labels</c>: which label records each close status on a Fedora Forge tracker. Which labels
/// the Fedora trackers really have is not known in advance; the default is the Pagure migration's
/// <c>Closed As/&lt;status&gt;</c>, and an entry <c>Status=Label</c> replaces it for that status.
/// </summary>
public static class CloseLabelsParameter
{
    public const string Name = "close_labels";

    public const string Description =
        "On Fedora Forge, the label recording each close status, as Status=Label (default Closed As/<status>), e.g. \"Processed=Closed As/Done\"";

    /// <summary>Status → label, as jobs.yaml gives them; an entry that is not <c>Status=Label</c> is an error at its position.</summary>
    public static IReadOnlyDictionary<string, string> Read(JobParameters parameters)
    {
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in parameters.TextList(Name))
        {
            var split = entry.IndexOf('=', StringComparison.Ordinal);
            var status = split < 0 ? "" : entry[..split].Trim();
            var label = split < 0 ? "" : entry[(split + 1)..].Trim();
            if (status.Length == 0 || label.Length == 0)
            {
                throw parameters.Error(Name, $"'{entry}' is not Status=Label, e.g. \"Processed=Closed As/Processed\"");
            }
            if (!labels.TryAdd(status, label))
            {
                throw parameters.Error(Name, $"the close status '{status}' is given twice");
            }
        }
        return labels;
    }
}

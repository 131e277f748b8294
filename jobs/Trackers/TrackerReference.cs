namespace Releng.Jobs.Trackers;

/// <summary>
/// Where a ticket job's tickets live, as jobs.yaml writes it so a person reads it at a glance:
/// <c>forge:releng/fedora-scm-requests</c> (a Fedora Forge repository, owner/repo) or <c>pagure:releng</c> (a
/// pagure.io project path). A bare path without a prefix is a pagure.io project, as jobs.yaml wrote it before the move.
/// </summary>
public sealed record TrackerReference(TrackerKind Kind, string Project)
{
    public const string ForgePrefix = "forge:";
    public const string PagurePrefix = "pagure:";

    public static TrackerReference Forge(string project) => new(TrackerKind.Forge, project);
    public static TrackerReference Pagure(string project) => new(TrackerKind.Pagure, project);

    /// <summary>Reads <paramref name="text"/>; <see cref="FormatException"/> with the rule when it is not one.</summary>
    public static TrackerReference Parse(string text)
    {
        if (TryParse(text, out var reference, out var problem))
        {
            return reference;
        }
        throw new FormatException(problem);
    }

    public static bool TryParse(string? text, out TrackerReference reference, out string problem)
    {
        reference = null!;
        problem = "";
        text = text?.Trim() ?? "";
        var (kind, project) = text.StartsWith(ForgePrefix, StringComparison.Ordinal) ? (TrackerKind.Forge, text[ForgePrefix.Length..])
            : text.StartsWith(PagurePrefix, StringComparison.Ordinal) ? (TrackerKind.Pagure, text[PagurePrefix.Length..])
            : (TrackerKind.Pagure, text);
        var parts = project.Split('/');
        var valid = parts.All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
        if (kind == TrackerKind.Forge && (parts.Length != 2 || !valid))
        {
            problem = $"'{text}' is not a Fedora Forge tracker: write forge:<owner>/<repo>, e.g. forge:releng/fedora-scm-requests";
            return false;
        }
        if (kind == TrackerKind.Pagure && (parts.Length > 3 || !valid))
        {
            problem = $"'{text}' is not a tracker: write forge:<owner>/<repo> (forge:releng/tickets) or pagure:<project> (pagure:releng)";
            return false;
        }
        reference = new TrackerReference(kind, project);
        return true;
    }

    public override string ToString() => (Kind == TrackerKind.Forge ? ForgePrefix : PagurePrefix) + Project;
}

namespace Releng.Jobs.Workflows;

/// <summary>
/// How <c>.github/workflows/</c> and <c>.forgejo/workflows/</c> differ from what jobs.yaml generates. Paths are repository-relative with forward
/// slashes. <see cref="Extra"/> lists only files that carry the generated header: hand-written workflows are not
/// this tool's business.
/// </summary>
public sealed record WorkflowDrift(
    IReadOnlyList<string> Differing,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Extra,
    IReadOnlyList<WorkflowWarning> Warnings)
{
    public bool InSync => Differing.Count == 0 && Missing.Count == 0 && Extra.Count == 0;

    /// <summary>One line per problem and the command that fixes them, or a line saying all is in sync.</summary>
    public string Describe()
    {
        if (InSync)
        {
            return "Workflows are in sync with jobs.yaml.";
        }
        var lines = new List<string> { "Workflows are out of sync with jobs.yaml:" };
        lines.AddRange(Differing.Select(path => $"  differs: {path}"));
        lines.AddRange(Missing.Select(path => $"  missing: {path}"));
        lines.AddRange(Extra.Select(path => $"  no longer generated: {path}"));
        lines.Add("Run ./build.sh --target=workflows and commit the result.");
        return string.Join('\n', lines);
    }
}

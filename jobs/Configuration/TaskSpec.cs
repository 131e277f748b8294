namespace Releng.Jobs.Configuration;

/// <summary>
/// What a task accepts: its parameters in jobs.yaml, and the inputs a manual run may pass
/// (each becomes a <c>workflow_dispatch</c> input and a <c>--name=value</c> argument).
/// </summary>
public sealed record TaskSpec(
    string Name,
    string Description,
    IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<ParameterSpec> Inputs)
{
    public ParameterSpec? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

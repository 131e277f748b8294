namespace Releng.Jobs.Workflows;

/// <summary>Every workflow jobs.yaml calls for (sorted by path, <c>ci.yml</c> included) and the schedule warnings.</summary>
public sealed record GeneratedWorkflows(IReadOnlyList<GeneratedWorkflow> Files, IReadOnlyList<WorkflowWarning> Warnings);

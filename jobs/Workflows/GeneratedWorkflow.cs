namespace Releng.Jobs.Workflows;

/// <summary>One workflow file: its path relative to the repository root (forward slashes) and its exact text.</summary>
public sealed record GeneratedWorkflow(string Path, string Content);

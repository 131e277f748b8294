namespace Releng.Jobs.GitHub;

/// <summary>A dispatch GitHub accepted: which workflow, on which ref, with which inputs, and where to watch its runs.</summary>
public sealed record WorkflowDispatch(
    GitHubRepository Repository,
    string Workflow,
    string Ref,
    IReadOnlyDictionary<string, string> Inputs,
    string RunsPage);

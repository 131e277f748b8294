namespace Releng.Jobs.GitHub;

/// <summary>
/// One run of a job's workflow. <see cref="Event"/> is <c>schedule</c>, <c>workflow_dispatch</c> or
/// <c>repository_dispatch</c>; <see cref="Conclusion"/> is null while the run is not completed.
/// </summary>
public sealed record WorkflowRunSummary(
    long Id,
    long RunNumber,
    string Event,
    string Status,
    string? Conclusion,
    string Actor,
    DateTimeOffset CreatedAt,
    string HtmlUrl,
    string Title);

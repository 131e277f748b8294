namespace Releng.Jobs.Workflows;

/// <summary>Something about a job's schedule that GitHub Actions handles badly; generation still succeeds.</summary>
public sealed record WorkflowWarning(string Job, string Message)
{
    public override string ToString() => $"{Job}: {Message}";
}

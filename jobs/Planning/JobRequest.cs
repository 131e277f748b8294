using Releng.Jobs.Configuration;

namespace Releng.Jobs.Planning;

/// <summary>What to run: a jobs.yaml entry (or a task's defaults), optionally narrowed to one ticket.</summary>
public sealed record JobRequest(string JobName, JobParameters Parameters, int? Ticket = null)
{
    public string Task => Parameters.Spec.Name;
}

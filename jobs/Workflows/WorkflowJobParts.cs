using Releng.Jobs.Configuration;

namespace Releng.Jobs.Workflows;

/// <summary>
/// What every generated workflow of one jobs.yaml entry is built from, whichever CI runs it: the entry, its task, the
/// dispatch inputs (all task inputs but <c>apply</c>) and the task's profile (secrets, timeout, tools).
/// </summary>
public sealed record WorkflowJobParts(string Name, JobDefinition Job, TaskSpec Spec, IReadOnlyList<ParameterSpec> Inputs, TaskWorkflowProfile Profile)
{
    /// <summary>GitHub's limit on <c>workflow_dispatch</c> inputs; Forgejo documents none, the same bound keeps both alike.</summary>
    public const int MaxInputs = 25;

    /// <summary>The entry checked (name, task, number of inputs); errors at its jobs.yaml position.</summary>
    public static WorkflowJobParts Resolve(string name, JobDefinition job, TaskCatalog catalog)
    {
        if (!JobName.IsValid(name))
        {
            throw new ConfigurationException(job.At, $"job name '{name}' must be lower-case letters, digits and dashes");
        }
        var spec = catalog.Find(job.Task)
            ?? throw new ConfigurationException(job.Where("task"), $"unknown task '{job.Task}' in job '{name}'");
        var inputs = spec.Inputs.Where(i => i.Name != "apply").ToList();
        if (inputs.Count + 1 > MaxInputs)
        {
            throw new ConfigurationException(job.Where("task"), $"task '{spec.Name}' declares {inputs.Count} inputs; a workflow takes at most {MaxInputs} including 'apply'");
        }
        return new WorkflowJobParts(name, job, spec, inputs, TaskWorkflowProfile.For(spec.Name));
    }
}

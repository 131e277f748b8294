using Releng.Jobs.Configuration;

namespace Releng.Jobs.Workflows;

/// <summary>
/// What a task's workflow needs beyond the common steps: the secrets its run step gets as environment variables
/// (and nothing more, so a job cannot use a credential it has no business with) and how long it may run. Each job's
/// descriptor says so, and why (see <see cref="JobDescriptor.Secrets"/>).
/// </summary>
/// <remarks>
/// A task without a descriptor gets no secret and a one-hour timeout: it can plan, and its writes fail loudly.
/// </remarks>
public sealed record TaskWorkflowProfile(IReadOnlyList<string> Secrets, int TimeoutMinutes, bool InstallsTools = false)
{
    public static IReadOnlyDictionary<string, TaskWorkflowProfile> Known { get; } = JobDescriptors.All
        .ToDictionary(d => d.Task, Of, StringComparer.Ordinal);

    public static TaskWorkflowProfile Unknown { get; } = new([], 60);

    public static TaskWorkflowProfile Of(JobDescriptor descriptor) =>
        new(descriptor.Secrets, descriptor.TimeoutMinutes, descriptor.InstallsTools);

    public static TaskWorkflowProfile For(string task) => Known.GetValueOrDefault(task) ?? Unknown;
}

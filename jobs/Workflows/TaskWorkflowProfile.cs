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
    private Func<JobDefinition, IReadOnlyList<string>>? _secretsOf;

    public static IReadOnlyDictionary<string, TaskWorkflowProfile> Known { get; } = JobDescriptors.All
        .ToDictionary(d => d.Task, Of, StringComparer.Ordinal);

    public static TaskWorkflowProfile Unknown { get; } = new([], 60);

    public static TaskWorkflowProfile Of(JobDescriptor descriptor) =>
        new(descriptor.Secrets, descriptor.TimeoutMinutes, descriptor.InstallsTools) { _secretsOf = descriptor.SecretsOf };

    /// <summary>The secrets of one jobs.yaml entry's run step (see <see cref="JobDescriptor.SecretsOf"/>).</summary>
    public IReadOnlyList<string> SecretsOf(JobDefinition job) => _secretsOf?.Invoke(job) ?? Secrets;

    /// <summary>Jobs with the keytab get the Kerberos client libraries (.ci/install-kerberos.sh client).</summary>
    public bool UsesKerberos => Secrets.Contains("KRB5_KEYTAB");

    public static TaskWorkflowProfile For(string task) => Known.GetValueOrDefault(task) ?? Unknown;
}

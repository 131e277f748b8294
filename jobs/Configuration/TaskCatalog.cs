namespace Releng.Jobs.Configuration;

/// <summary>The tasks a jobs.yaml entry may name, with their parameters; <see cref="Default"/> is built from the job descriptors.</summary>
public sealed class TaskCatalog(IEnumerable<TaskSpec> specs)
{
    private readonly Dictionary<string, TaskSpec> _specs = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<TaskSpec> All => _specs.Values;

    public TaskSpec? Find(string name) => _specs.GetValueOrDefault(name);

    public static TaskCatalog Default { get; } = new(JobDescriptors.All.Select(d => d.Spec));
}

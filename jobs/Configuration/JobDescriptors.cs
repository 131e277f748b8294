namespace Releng.Jobs.Configuration;

/// <summary>Every job's descriptor, found in this assembly: adding a job folder with a descriptor adds the job.</summary>
public static class JobDescriptors
{
    private static readonly Lazy<IReadOnlyList<JobDescriptor>> Found = new(() => typeof(JobDescriptor).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(JobDescriptor).IsAssignableFrom(t))
        .Select(t => (JobDescriptor)Activator.CreateInstance(t)!)
        .OrderBy(d => d.Task, StringComparer.Ordinal)
        .ToList());

    /// <summary>In task-name order.</summary>
    public static IReadOnlyList<JobDescriptor> All => Found.Value;

    public static JobDescriptor? Find(string task) => All.FirstOrDefault(d => d.Task == task);
}

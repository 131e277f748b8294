using System.Reflection;
using Releng.Build.Hosting;
using Releng.Build.Tasks;
using Releng.Jobs.Configuration;
using Releng.Jobs.Planning;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Configuration;

/// <summary>
/// What every job must have, checked over all descriptors (as Octokit checks every client by reflection): a new job
/// that forgets a piece fails here with the piece named.
/// </summary>
public sealed class JobDescriptorConventionTests
{
    public static TheoryData<string> Tasks() => new(JobDescriptors.All.Select(d => d.Task));

    private static JobDescriptor Descriptor(string task) => JobDescriptors.Find(task)!;

    private static IReadOnlyList<Type> Concrete<T>(Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t))
        .ToList();

    [Fact]
    public void There_is_a_descriptor_for_each_job_and_no_two_share_a_task()
    {
        Assert.Contains(JobDescriptors.All, d => d.Task == "unretire");
        Assert.Equal(JobDescriptors.All.Count, JobDescriptors.All.Select(d => d.Task).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_descriptor_has_exactly_one_job_factory_in_its_folder(string task)
    {
        var descriptor = Descriptor(task);
        var factories = Concrete<IJobFactory>(typeof(IJobFactory).Assembly)
            .Where(t => ((IJobFactory)Activator.CreateInstance(t)!).Task == task)
            .ToList();

        var factory = Assert.Single(factories);
        Assert.Equal(descriptor.GetType().Namespace, factory.Namespace);
    }

    [Fact]
    public void Every_job_factory_has_a_descriptor()
    {
        foreach (var factory in Concrete<IJobFactory>(typeof(IJobFactory).Assembly))
        {
            var task = ((IJobFactory)Activator.CreateInstance(factory)!).Task;
            Assert.True(JobDescriptors.Find(task) is not null, $"{factory.Name} builds task '{task}', which has no descriptor");
        }
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_descriptor_has_exactly_one_build_task_with_the_same_task_name(string task)
    {
        var tasks = typeof(JobTask).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<TaskNameAttribute>()?.Name == task)
            .ToList();

        var buildTask = Assert.Single(tasks);
        Assert.True(typeof(JobTask).IsAssignableFrom(buildTask), $"{buildTask.Name} should be a JobTask");
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_descriptor_is_documented_in_docs_jobs(string task)
    {
        var descriptor = Descriptor(task);
        Assert.StartsWith("docs/jobs/", descriptor.Documentation, StringComparison.Ordinal);
        var page = Path.Combine(RepositoryRoot.Find(), descriptor.Documentation);

        Assert.True(File.Exists(page), $"{descriptor.Documentation} is missing");
        Assert.Contains(task, File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_secret_a_descriptor_asks_for_is_a_known_credential(string task)
    {
        Assert.All(Descriptor(task).Secrets, secret => Assert.Contains(secret, Credentials.VariableNames));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_input_is_a_parameter_the_task_declares_or_the_ticket(string task)
    {
        var descriptor = Descriptor(task);
        Assert.All(descriptor.Inputs, input =>
            Assert.True(input.Name == "ticket" || descriptor.Parameters.Any(p => p.Name == input.Name), $"input '{input.Name}'"));
    }

    [Fact]
    public void The_task_catalog_is_the_descriptors()
    {
        Assert.Equal(
            JobDescriptors.All.Select(d => d.Task).Order(StringComparer.Ordinal),
            TaskCatalog.Default.All.Select(s => s.Name).Order(StringComparer.Ordinal));
    }
}

using Releng.Jobs.Configuration;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Sandbox;

/// <summary>Jobs over the sandbox, built as the host builds them: by their own factory, from jobs.yaml's defaults.</summary>
internal sealed partial class TestSandbox
{
    /// <summary>
    /// The job <paramref name="task"/> from its real factory, with the catalog's defaults and <paramref name="parameters"/>,
    /// over the sandbox's clients or <paramref name="services"/>.
    /// </summary>
    public IJob Job(string task, IReadOnlyDictionary<string, object?>? parameters = null, int? ticket = null, IServiceProvider? services = null)
    {
        var values = JobParameters.Defaults(TaskCatalog.Default.Find(task)!);
        foreach (var (name, value) in PagureTrackers.GetValueOrDefault(task, []).Concat(parameters ?? new Dictionary<string, object?>()))
        {
            values = values.With(name, value);
        }
        return FactoryFor(task).Create(new JobRequest(task, values, ticket), services ?? Services);
    }

    /// <summary>
    /// The ticket stories read the scenario's pagure.io trackers (the default jobs read the forge's copy, which
    /// tests/Jobs.Tests/Forgejo covers); a test may still name another tracker.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, object?>> PagureTrackers = new()
    {
        ["unretire"] = new() { ["tracker"] = "releng", ["requests_tracker"] = "none" },
        ["scm-requests"] = new() { ["tracker"] = "releng/fedora-scm-requests" },
    };

    /// <summary>The sandbox's clients with another ticket tracker, e.g. one that fails on purpose.</summary>
    public IServiceProvider WithTracker(ITicketTracker tracker) => new TrackerOverride(Services, tracker);

    /// <summary>Plans, then applies the whole plan.</summary>
    public async Task<(Plan Plan, IReadOnlyList<Outcome> Outcomes)> ApplyAsync(IJob job)
    {
        var plan = await job.PlanAsync(CancellationToken.None);
        var outcomes = await new PlanExecutor(TimeProvider.System).ApplyAsync(plan, _ => { }, CancellationToken.None);
        return (plan, outcomes);
    }

    // As the host finds them: every factory in the jobs assembly.
    private static IJobFactory FactoryFor(string task) =>
        typeof(IJobFactory).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IJobFactory).IsAssignableFrom(t))
            .Select(t => (IJobFactory)Activator.CreateInstance(t)!)
            .Single(factory => factory.Task == task);

    private sealed class TrackerOverride(IServiceProvider inner, ITicketTracker tracker) : IServiceProvider
    {
        // Without the trackers by name, each job takes this one tracker.
        public object? GetService(Type serviceType) =>
            serviceType == typeof(ITicketTracker) ? tracker
            : serviceType == typeof(Releng.Jobs.Trackers.TicketTrackers) ? null
            : inner.GetService(serviceType);
    }
}

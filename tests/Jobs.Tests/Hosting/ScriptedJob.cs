using Releng.Jobs.Planning;

namespace Releng.Jobs.Tests.Hosting;

/// <summary>A job whose plan is given by the test; its steps record what they did.</summary>
public sealed class ScriptedJob(Func<Plan> plan) : IJob
{
    public Task<Plan> PlanAsync(CancellationToken cancellationToken) => Task.FromResult(plan());
}

public sealed class ScriptedJobFactory(string task, Func<JobRequest, Plan> plan) : IJobFactory
{
    public string Task => task;
    public List<JobRequest> Requests { get; } = [];

    public IJob Create(JobRequest request, IServiceProvider services)
    {
        Requests.Add(request);
        return new ScriptedJob(() => plan(request));
    }
}

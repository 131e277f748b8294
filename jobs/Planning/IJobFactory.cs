namespace Releng.Jobs.Planning;

/// <summary>Builds the job of one task from its parameters and the service clients in <paramref name="services"/>.</summary>
public interface IJobFactory
{
    string Task { get; }

    IJob Create(JobRequest request, IServiceProvider services);
}

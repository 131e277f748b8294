using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Koji;
using Releng.Jobs.Planning;

namespace Releng.Jobs.BaseImage;

/// <summary>The <c>base-image-rebuild</c> task: one job per jobs.yaml entry, i.e. per image and release.</summary>
public sealed class BaseImageRebuildJobFactory : IJobFactory
{
    private static readonly BaseImageRebuildDescriptor Descriptor = new();

    public string Task => BaseImageRebuildDescriptor.Name;

    public IJob Create(JobRequest request, IServiceProvider services) =>
        new BaseImageRebuildJob(services.GetRequiredService<IKojiClient>(), Descriptor.Bind(request), services.GetService<IRunLog>());
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Koji;
using Releng.Jobs.Planning;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>The <c>base-image-push</c> task: one job per jobs.yaml entry, i.e. per image and release.</summary>
public sealed class BaseImagePushJobFactory : IJobFactory
{
    private static readonly BaseImagePushDescriptor Descriptor = new();

    public string Task => BaseImagePushDescriptor.Name;

    public IJob Create(JobRequest request, IServiceProvider services) => new BaseImagePushJob(
        services.GetRequiredService<IKojiClient>(),
        services.GetRequiredService<IRegistryReader>(),
        services.GetRequiredService<IRegistryPublisher>(),
        services.GetRequiredService<IKojiImageFiles>(),
        Descriptor.Bind(request),
        services.GetService<TimeProvider>() ?? TimeProvider.System);
}

using Releng.Build.Hosting;
using Releng.Jobs.BaseImage;

namespace Releng.Build.Tasks;

[TaskName(BaseImagePushDescriptor.Name)]
[TaskDescription("Push the latest base image build to the registries once a week (--job, --apply)")]
public sealed class BaseImagePushTask() : JobTask(BaseImagePushDescriptor.Name);

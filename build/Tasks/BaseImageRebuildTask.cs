using Releng.Build.Hosting;
using Releng.Jobs.BaseImage;

namespace Releng.Build.Tasks;

[TaskName(BaseImageRebuildDescriptor.Name)]
[TaskDescription("Rebuild the container base image when a package in it changed (--job, --force, --apply)")]
public sealed class BaseImageRebuildTask() : JobTask(BaseImageRebuildDescriptor.Name);

using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("base-image-push")]
[TaskDescription("Push the latest base image build to the registries once a week (--job, --apply)")]
public sealed class BaseImagePushTask() : JobTask("base-image-push");

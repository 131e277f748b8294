using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("base-image-rebuild")]
[TaskDescription("Rebuild the container base image when a package in it changed (--job, --force, --apply)")]
public sealed class BaseImageRebuildTask() : JobTask("base-image-rebuild");

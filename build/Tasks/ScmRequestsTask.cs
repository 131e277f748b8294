using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("scm-requests")]
[TaskDescription("New repository and new branch requests from fedora-scm-requests (--job, --ticket, --apply)")]
public sealed class ScmRequestsTask() : JobTask("scm-requests");

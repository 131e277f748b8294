using Releng.Build.Hosting;
using Releng.Jobs.ScmRequests;

namespace Releng.Build.Tasks;

[TaskName(ScmRequestsDescriptor.Name)]
[TaskDescription("New repository and new branch requests from fedora-scm-requests (--job, --ticket, --apply)")]
public sealed class ScmRequestsTask() : JobTask(ScmRequestsDescriptor.Name);

using Releng.Build.Hosting;
using Releng.Jobs.Unretire;

namespace Releng.Build.Tasks;

[TaskName(UnretireDescriptor.Name)]
[TaskDescription("Unretirement tickets: report, process recent retirements, then all (--job, --ticket, --apply)")]
public sealed class UnretireTask() : JobTask(UnretireDescriptor.Name);

using Releng.Build.Hosting;

namespace Releng.Build.Tasks;

[TaskName("unretire")]
[TaskDescription("Unretirement tickets: report, process recent retirements, then all (--job, --ticket, --apply)")]
public sealed class UnretireTask() : JobTask("unretire");

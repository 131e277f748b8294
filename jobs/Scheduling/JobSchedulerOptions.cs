namespace Releng.Jobs.Scheduling;

/// <summary>How the in-process scheduler keeps its schedule and reads the time.</summary>
public sealed record JobSchedulerOptions
{
    /// <summary>
    /// A PostgreSQL connection string (<c>--scheduler-db</c>): the schedule lives in Quartz's tables and every process
    /// pointing at the same database forms one cluster, so each fire runs on exactly one node. Null keeps the
    /// schedule in memory, for one machine.
    /// </summary>
    public string? DatabaseConnectionString { get; init; }

    /// <summary>Prefix of Quartz's tables in the database (the schema script's default is <c>qrtz_</c>).</summary>
    public string TablePrefix { get; init; } = "qrtz_";

    /// <summary>Create Quartz's tables when they are missing instead of requiring the schema script to have been run.</summary>
    public bool CreateSchema { get; init; } = true;

    /// <summary>Scheduler name; every node of a cluster must use the same one.</summary>
    public string InstanceName { get; init; } = "releng-jobs";

    /// <summary>
    /// How late a fire may start before it counts as missed and the catch-up rule applies (fire once now, then
    /// resume the schedule). Null keeps Quartz's default for the store.
    /// </summary>
    public TimeSpan? MisfireThreshold { get; init; }

    /// <summary>The clock; tests drive a fake one. Null means the system clock.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>How many jobs may run at the same time (different jobs; one job never overlaps itself).</summary>
    public int MaxConcurrentJobs { get; init; } = 4;
}

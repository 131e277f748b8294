using Releng.Jobs.Configuration;

namespace Releng.Jobs.Scheduling;

/// <summary>One jobs.yaml entry as the in-process scheduler sees it: a name, a 5-field UTC cron and whether fires act.</summary>
/// <param name="Origin">Where the schedule is written, for an error about it.</param>
public sealed record ScheduledJob(string Name, string Cron, bool Apply, SourceMark? Origin = null)
{
    /// <summary>Two entries are the same job whatever line they are written on.</summary>
    public bool Equals(ScheduledJob? other) => other is not null && Name == other.Name && Cron == other.Cron && Apply == other.Apply;

    public override int GetHashCode() => HashCode.Combine(Name, Cron, Apply);

    /// <summary>Every enabled job that has a schedule, in name order; jobs without a schedule run only on demand.</summary>
    public static IReadOnlyList<ScheduledJob> FromJobsFile(JobsFile file) =>
        file.Jobs
            .Where(entry => entry.Value.Enabled && !string.IsNullOrWhiteSpace(entry.Value.Schedule))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new ScheduledJob(entry.Key, entry.Value.Schedule!.Trim(), entry.Value.Apply, entry.Value.Where("schedule")))
            .ToList();
}

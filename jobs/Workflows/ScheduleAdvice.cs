using Quartz;

namespace Releng.Jobs.Workflows;

/// <summary>
/// Checks a cron against what GitHub Actions does with it: runs at the top of the hour are the first to be delayed
/// or dropped under load, and nothing runs more often than every 5 minutes.
/// </summary>
public static class ScheduleAdvice
{
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMinutes(5);

    // Eight days covers every weekly pattern plus the week boundary.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(8);
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<string> Review(string cron)
    {
        var expression = CronExpression.Parse(cron, CronFormat.Unix).WithTimeZone(TimeZoneInfo.Utc);
        var atTopOfHour = false;
        TimeSpan? shortest = null;
        DateTimeOffset? previous = null;
        for (var next = expression.GetNextValidTimeAfter(From); next is { } at && at < From + Horizon; next = expression.GetNextValidTimeAfter(at))
        {
            atTopOfHour |= at.Minute == 0;
            if (previous is { } before && (shortest is null || at - before < shortest))
            {
                shortest = at - before;
            }
            previous = at;
            if (atTopOfHour && shortest < ShortestInterval)
            {
                break;
            }
        }
        var advice = new List<string>();
        if (atTopOfHour)
        {
            advice.Add($"schedule '{cron}' runs at minute 0, when GitHub's scheduler is busiest and delays or drops runs; pick another minute, e.g. '17 ...'");
        }
        if (shortest < ShortestInterval)
        {
            advice.Add($"schedule '{cron}' fires every {shortest.Value.TotalMinutes:0} minute(s); GitHub Actions runs schedules at most every 5 minutes");
        }
        return advice;
    }
}

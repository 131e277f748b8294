using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Releng.Jobs.Scheduling;

namespace Releng.Jobs.Tests.Scheduling;

/// <summary>The scheduler on Quartz's PostgreSQL store: the schedule survives restarts and a cluster fires each window once.</summary>
public sealed class ClusteredJobSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 30, TimeSpan.Zero);

    // Each test gets its own tables, so tests can run side by side on one database.
    private static JobSchedulerOptions Options(TimeProvider time, string prefix) => new()
    {
        DatabaseConnectionString = PostgresFactAttribute.ConnectionString,
        TablePrefix = prefix,
        InstanceName = "releng-jobs-test",
        Time = time,
    };

    private static string UniquePrefix() => $"qrtz_{Guid.NewGuid():N}"[..16] + "_";

    [PostgresFact]
    public async Task Two_nodes_on_one_database_run_each_window_once()
    {
        var time = new FakeTimeProvider(Start);
        var prefix = UniquePrefix();
        var runs = new ConcurrentQueue<ScheduledRunResult>();
        ScheduledJob[] jobs = [new("poll", "*/5 * * * *", Apply: false)];
        await using var first = await JobScheduler.StartAsync(jobs, (_, _, _) => Task.FromResult(0), Options(time, prefix), completed: runs.Enqueue);
        await using var second = await JobScheduler.StartAsync(jobs, (_, _, _) => Task.FromResult(0), Options(time, prefix), completed: runs.Enqueue);

        time.Advance(TimeSpan.FromMinutes(5));
        await WaitUntil(() => !runs.IsEmpty);
        await Task.Delay(1500);

        Assert.Single(runs);
    }

    [PostgresFact]
    public async Task A_restart_keeps_an_unchanged_schedule_and_drops_removed_jobs()
    {
        var time = new FakeTimeProvider(Start);
        var prefix = UniquePrefix();
        await using (var before = await JobScheduler.StartAsync(
            [new ScheduledJob("poll", "*/5 * * * *", false), new ScheduledJob("gone", "7 * * * *", false)],
            (_, _, _) => Task.FromResult(0), Options(time, prefix)))
        {
            Assert.NotNull(await before.NextFireAsync("gone"));
        }

        await using var after = await JobScheduler.StartAsync(
            [new ScheduledJob("poll", "*/5 * * * *", false)], (_, _, _) => Task.FromResult(0), Options(time, prefix));

        Assert.Equal(Start.AddSeconds(270), await after.NextFireAsync("poll"));
        Assert.Null(await after.NextFireAsync("gone"));
    }

    [PostgresFact]
    public async Task A_window_missed_while_every_node_was_down_runs_once_at_the_next_start()
    {
        var time = new FakeTimeProvider(Start);
        var prefix = UniquePrefix();
        ScheduledJob[] jobs = [new("poll", "*/5 * * * *", Apply: false)];
        await using (await JobScheduler.StartAsync(jobs, (_, _, _) => Task.FromResult(0), Options(time, prefix)))
        {
        }
        time.Advance(TimeSpan.FromHours(2));

        var runs = new ConcurrentQueue<ScheduledRunResult>();
        await using var restarted = await JobScheduler.StartAsync(jobs, (_, _, _) => Task.FromResult(0), Options(time, prefix), completed: runs.Enqueue);
        await WaitUntil(() => !runs.IsEmpty);
        await Task.Delay(1500);

        Assert.Single(runs);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 5, 0, TimeSpan.Zero), await restarted.NextFireAsync("poll"));
    }

    private static async Task WaitUntil(Func<bool> condition, int timeoutMs = 20000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }
            await Task.Delay(50);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Releng.Jobs.Scheduling;

namespace Releng.Jobs.Tests.Scheduling;

public sealed class JobSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_window_missed_by_an_hour_runs_once_then_the_schedule_resumes()
    {
        var time = new FakeTimeProvider(Start);
        var runs = new ConcurrentQueue<ScheduledRunResult>();
        await using var scheduler = await JobScheduler.StartAsync(
            [new ScheduledJob("poll", "*/5 * * * *", Apply: false)],
            (_, _, _) => Task.FromResult(0),
            new JobSchedulerOptions { Time = time },
            completed: runs.Enqueue);
        Assert.Equal(Start.AddSeconds(270), await scheduler.NextFireAsync("poll"));

        time.Advance(TimeSpan.FromHours(1));
        await WaitUntil(() => runs.Count >= 1);
        await Task.Delay(500);

        Assert.Single(runs);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 5, 0, TimeSpan.Zero), await scheduler.NextFireAsync("poll"));
    }

    private static async Task WaitUntil(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }
            await Task.Delay(20);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Releng.Jobs.Configuration;
using Releng.Jobs.Scheduling;

namespace Releng.Jobs.Tests.Scheduling;

/// <summary>The in-process scheduler driven by a fake clock: Quartz reads the time only through it.</summary>
public sealed class JobSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_fire_runs_the_job_by_name_with_its_apply_flag()
    {
        var time = new FakeTimeProvider(Start);
        var calls = new ConcurrentQueue<(string Job, bool Apply)>();
        var runs = new ConcurrentQueue<ScheduledRunResult>();
        await using var scheduler = await JobScheduler.StartAsync(
            [new ScheduledJob("unretire", "17 */2 * * *", Apply: true), new ScheduledJob("report", "*/5 * * * *", Apply: false)],
            (job, apply, _) => { calls.Enqueue((job, apply)); return Task.FromResult(job == "report" ? 1 : 0); },
            new JobSchedulerOptions { Time = time },
            completed: runs.Enqueue);

        foreach (var (minutes, expected) in new[] { (5, 1), (5, 2), (5, 3), (2, 4) })
        {
            time.Advance(TimeSpan.FromMinutes(minutes));
            await WaitUntil(() => runs.Count == expected);
        }

        Assert.Equal([("report", false), ("report", false), ("report", false), ("unretire", true)], calls.ToArray());
        Assert.Equal(1, runs.First().ExitCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 17, 0, TimeSpan.Zero), runs.Single(r => r.JobName == "unretire").ScheduledFor);
    }

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
        await WaitUntil(() => !runs.IsEmpty);
        await Task.Delay(300);

        Assert.Single(runs);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 5, 0, TimeSpan.Zero), await scheduler.NextFireAsync("poll"));
    }

    [Fact]
    public async Task A_long_job_is_not_started_again_while_its_previous_fire_still_runs()
    {
        var time = new FakeTimeProvider(Start);
        var running = 0;
        var mostAtOnce = 0;
        var started = 0;
        var release = new TaskCompletionSource();
        var runs = new ConcurrentQueue<ScheduledRunResult>();
        await using var scheduler = await JobScheduler.StartAsync(
            [new ScheduledJob("rebuild", "*/5 * * * *", Apply: true)],
            async (_, _, _) =>
            {
                Interlocked.Increment(ref started);
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostAtOnce, now);
                await release.Task;
                Interlocked.Decrement(ref running);
                return 0;
            },
            new JobSchedulerOptions { Time = time, MaxConcurrentJobs = 4 },
            completed: runs.Enqueue);

        try
        {
            time.Advance(TimeSpan.FromMinutes(5));
            await WaitUntil(() => Volatile.Read(ref started) == 1);
            time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(300);
            time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(300);
            Assert.Equal(1, Volatile.Read(ref started));
        }
        finally
        {
            // Disposing waits for running jobs, so a failed assertion must not leave one blocked.
            release.TrySetResult();
        }
        await WaitUntil(() => runs.Count == 2);
        await Task.Delay(300);

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task Stop_waits_for_the_running_job_to_finish_without_cancelling_it()
    {
        var time = new FakeTimeProvider(Start);
        var release = new TaskCompletionSource();
        var jobStarted = new TaskCompletionSource();
        var tokenCancelled = false;
        var runs = new ConcurrentQueue<ScheduledRunResult>();
        var scheduler = await JobScheduler.StartAsync(
            [new ScheduledJob("push", "*/5 * * * *", Apply: true)],
            async (_, _, cancellationToken) =>
            {
                jobStarted.SetResult();
                await release.Task;
                tokenCancelled = cancellationToken.IsCancellationRequested;
                return 0;
            },
            new JobSchedulerOptions { Time = time },
            completed: runs.Enqueue);
        time.Advance(TimeSpan.FromMinutes(5));
        await jobStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var stopping = scheduler.StopAsync();
        await Task.Delay(300);
        var stoppedEarly = stopping.IsCompleted;
        var finishedEarly = !runs.IsEmpty;
        release.SetResult();
        Assert.False(stoppedEarly);
        Assert.False(finishedEarly);

        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, Assert.Single(runs).ExitCode);
        Assert.False(tokenCancelled);
    }

    [Fact]
    public async Task A_job_that_throws_is_reported_and_fires_again_on_its_next_window()
    {
        var time = new FakeTimeProvider(Start);
        var runs = new ConcurrentQueue<ScheduledRunResult>();
        var attempts = 0;
        await using var scheduler = await JobScheduler.StartAsync(
            [new ScheduledJob("flaky", "*/5 * * * *", Apply: false)],
            (_, _, _) => Interlocked.Increment(ref attempts) == 1
                ? throw new InvalidOperationException("koji hub unreachable")
                : Task.FromResult(0),
            new JobSchedulerOptions { Time = time },
            completed: runs.Enqueue);

        time.Advance(TimeSpan.FromMinutes(5));
        await WaitUntil(() => runs.Count == 1);
        time.Advance(TimeSpan.FromMinutes(5));
        await WaitUntil(() => runs.Count == 2);

        Assert.Equal([-1, 0], runs.Select(r => r.ExitCode));
    }

    [Fact]
    public async Task Run_until_stopped_returns_0_once_cancelled()
    {
        var file = new JobsFile
        {
            Jobs = { ["unretire"] = new JobDefinition { Task = "unretire", Schedule = "17 */2 * * *" } },
        };
        using var stop = new CancellationTokenSource();

        var running = JobScheduler.RunAsync(file, (_, _, _) => Task.FromResult(0), new JobSchedulerOptions { Time = new FakeTimeProvider(Start) }, stop: stop.Token);
        await Task.Delay(300);
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();

        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Run_refuses_a_jobs_file_without_any_schedule()
    {
        var file = new JobsFile { Jobs = { ["manual"] = new JobDefinition { Task = "unretire" } } };

        Assert.Equal(2, await JobScheduler.RunAsync(file, (_, _, _) => Task.FromResult(0)));
    }

    [Fact]
    public void Only_enabled_jobs_with_a_schedule_are_scheduled()
    {
        var file = new JobsFile
        {
            Jobs =
            {
                ["b-push"] = new JobDefinition { Task = "base-image-push", Schedule = "30 6 * * 1", Apply = true },
                ["a-report"] = new JobDefinition { Task = "unretire", Schedule = "17 */2 * * *" },
                ["manual"] = new JobDefinition { Task = "scm-requests" },
                ["off"] = new JobDefinition { Task = "unretire", Schedule = "5 * * * *", Enabled = false },
            },
        };

        Assert.Equal(
            [new ScheduledJob("a-report", "17 */2 * * *", false), new ScheduledJob("b-push", "30 6 * * 1", true)],
            ScheduledJob.FromJobsFile(file));
    }

    [Fact]
    public async Task An_invalid_cron_stops_the_start_with_a_configuration_error()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => JobScheduler.StartAsync(
            [new ScheduledJob("bad", "@daily", false)], (_, _, _) => Task.FromResult(0)));

        Assert.Contains("job 'bad'", error.Message);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
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
            await Task.Delay(20);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.Scheduling;

/// <summary>
/// Runs jobs.yaml's schedule in-process with Quartz: the same 5-field UTC crons the workflows use, one Quartz job
/// per entry, no overlap of a job with itself, one catch-up fire after a missed window (never a burst), and a
/// stop that lets a running job finish.
/// </summary>
public sealed class JobScheduler : IAsyncDisposable
{
    /// <summary>The Quartz group of every job and trigger this scheduler owns.</summary>
    public const string Group = "releng-jobs";

    private readonly StandaloneSchedulerFactory _factory;
    private readonly IScheduler _scheduler;
    private int _stopped;

    private JobScheduler(StandaloneSchedulerFactory factory, IScheduler scheduler, IReadOnlyList<ScheduledJob> jobs)
    {
        _factory = factory;
        _scheduler = scheduler;
        Jobs = jobs;
    }

    public IReadOnlyList<ScheduledJob> Jobs { get; }

    /// <summary>
    /// The host's entry point for <c>--target=scheduler</c>: schedules every enabled jobs.yaml entry that has a
    /// schedule, runs until <paramref name="stop"/> is cancelled (SIGTERM, Ctrl-C), then waits for running jobs.
    /// Returns 0, or 2 when no job has a schedule.
    /// </summary>
    public static async Task<int> RunAsync(
        JobsFile file,
        Func<string, bool, CancellationToken, Task<int>> run,
        JobSchedulerOptions? options = null,
        ILogger? logger = null,
        CancellationToken stop = default)
    {
        logger ??= NullLogger.Instance;
        var jobs = ScheduledJob.FromJobsFile(file);
        if (jobs.Count == 0)
        {
            logger.LogError("jobs.yaml has no enabled job with a schedule; nothing to run");
            return 2;
        }
        await using var scheduler = await StartAsync(jobs, run, options, logger, cancellationToken: stop);
        foreach (var job in jobs)
        {
            logger.LogInformation("{Job}: '{Cron}' UTC, {Mode}, next fire {Next:u}",
                job.Name, job.Cron, job.Apply ? "apply" : "plan only", await scheduler.NextFireAsync(job.Name, stop));
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Stopping: no new fires; waiting for running jobs to finish");
        }
        await scheduler.StopAsync(CancellationToken.None);
        logger.LogInformation("Scheduler stopped");
        return 0;
    }

    /// <summary>Builds a scheduler for <paramref name="jobs"/>, schedules them and starts firing.</summary>
    /// <param name="jobs">Usually <see cref="ScheduledJob.FromJobsFile"/>.</param>
    /// <param name="run">Runs one job like a CI run and returns its exit code.</param>
    /// <param name="options">Store and clock; null for in-memory on the system clock.</param>
    /// <param name="logger">Start, end and exit code of every fire.</param>
    /// <param name="completed">Told about every fire that ended (for tests and summaries).</param>
    /// <param name="cancellationToken">Cancels the start-up only.</param>
    public static async Task<JobScheduler> StartAsync(
        IReadOnlyList<ScheduledJob> jobs,
        Func<string, bool, CancellationToken, Task<int>> run,
        JobSchedulerOptions? options = null,
        ILogger? logger = null,
        Action<ScheduledRunResult>? completed = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new JobSchedulerOptions();
        logger ??= NullLogger.Instance;
        foreach (var job in jobs)
        {
            if (JobsFileLoader.CronProblem(job.Cron) is { } problem)
            {
                throw new ConfigurationException(job.Origin ?? new SourceMark("jobs.yaml"), $"job '{job.Name}': schedule '{job.Cron}' {problem}");
            }
        }
        var runner = new ScheduledJobRunner(run, logger, completed);
        var factory = QuartzSchedulerBuilder.Create(q => Configure(q, options, runner)).Build();
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            await ScheduleAsync(scheduler, jobs, cancellationToken);
            await scheduler.Start(cancellationToken);
            return new JobScheduler(factory, scheduler, jobs);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    /// <summary>When the job fires next (UTC), or null when it is not scheduled.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(string jobName, CancellationToken cancellationToken = default)
    {
        var trigger = await _scheduler.GetTrigger(new TriggerKey(jobName, Group), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>
    /// Stops firing and waits for running jobs to finish; they are not interrupted. Cancelling
    /// <paramref name="cancellationToken"/> only stops the waiting.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        await _factory.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Configure(IQuartzBuilder q, JobSchedulerOptions options, ScheduledJobRunner runner)
    {
        q.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = options.InstanceName;
            scheduler.DefaultTimeZone = TimeZoneInfo.Utc;
        });
        q.UseDefaultThreadPool(options.MaxConcurrentJobs);
        if (options.Time is { } time)
        {
            q.UseTimeProvider(time);
        }
        if (options.DatabaseConnectionString is { } connectionString)
        {
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(_ => { });
                store.ConfigureStore(ado =>
                {
                    ado.TablePrefix = options.TablePrefix;
                    if (options.MisfireThreshold is { } threshold)
                    {
                        ado.MisfireThreshold = threshold;
                    }
                });
                if (options.CreateSchema)
                {
                    store.ProvisionSchema();
                }
            });
        }
        else
        {
            q.UseInMemoryStore(memory =>
            {
                if (options.MisfireThreshold is { } threshold)
                {
                    memory.MisfireThreshold = threshold;
                }
            });
        }
        q.Services.AddSingleton(runner);
    }

    private static async Task ScheduleAsync(IScheduler scheduler, IReadOnlyList<ScheduledJob> jobs, CancellationToken cancellationToken)
    {
        // A persistent store remembers entries that were removed from jobs.yaml since; they must stop firing.
        var wanted = jobs.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await StoredJobsAsync(scheduler, cancellationToken))
        {
            if (!wanted.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
        foreach (var job in jobs)
        {
            var triggerKey = new TriggerKey(job.Name, Group);
            // An unchanged trigger is kept as stored, so its last fire time survives a restart and a window
            // missed while every node was down is caught up once.
            if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing
                && existing.CronExpressionString == CronExpression.Parse(job.Cron, CronFormat.Unix).CronExpressionString
                && existing.JobDataMap.GetString(ScheduledJobExecution.ApplyKey) == Flag(job.Apply))
            {
                continue;
            }
            var detail = JobBuilder.Create<ScheduledJobExecution>()
                .WithIdentity(job.Name, Group)
                .WithDescription($"jobs.yaml entry '{job.Name}'")
                .UsingJobData(ScheduledJobExecution.JobNameKey, job.Name)
                .Build();
            var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
                .WithIdentity(triggerKey)
                .ForJob(detail)
                .UsingJobData(ScheduledJobExecution.ApplyKey, Flag(job.Apply))
                .WithSchedule(CronScheduleBuilder.Create(job.Cron, CronFormat.Unix)
                    .InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(detail, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }

    private static async Task<List<JobKey>> StoredJobsAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var keys = new List<JobKey>();
        var query = new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group), Take = 100 };
        while (true)
        {
            var page = await scheduler.QueryJobs(query, cancellationToken);
            keys.AddRange(page.Items.Select(header => header.Key));
            if (!page.HasMore || page.Items.Count == 0)
            {
                return keys;
            }
            query = query with { Skip = query.Skip + page.Items.Count };
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";
}

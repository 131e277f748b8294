using Cake.Core;
using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Hosting;

namespace Releng.Jobs.Tests.Hosting;

/// <summary>The Frosting-shaped host on Cake's engine, with tasks of its own (this file's tasks are the only ones it sees).</summary>
public sealed class FrostingHostTests
{
    private static async Task<(int Exit, Journal Journal)> RunAsync(params string[] args)
    {
        var journal = new Journal();
        var host = new CakeHost()
            .AddAssembly(typeof(FrostingHostTests).Assembly)
            .UseContext<JournalContext>()
            .UseLifetime<JournalLifetime>()
            .ConfigureServices(services =>
            {
                services.AddSingleton(journal);
                services.AddSingleton<IConsole>(new RecordingConsole());
            });
        return (await host.RunAsync(args), journal);
    }

    [Fact]
    public async Task Dependencies_run_first_between_setup_and_teardown()
    {
        var (exit, journal) = await RunAsync("--target=frosting-publish");

        Assert.Equal(0, exit);
        Assert.Equal(["setup", "frosting-lint", "frosting-build", "frosting-publish", "teardown:ok"], journal.Entries);
    }

    [Fact]
    public async Task A_false_criterion_skips_a_dependency_but_not_the_run()
    {
        var (exit, journal) = await RunAsync("--target=frosting-after-skipped");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("frosting-skipped", journal.Entries);
        Assert.Contains("frosting-after-skipped", journal.Entries);
    }

    [Fact]
    public async Task An_error_handler_that_rethrows_fails_the_run_and_finally_still_runs()
    {
        var (exit, journal) = await RunAsync("--target=frosting-failing");

        Assert.Equal(1, exit);
        Assert.Equal(["setup", "on-error:boom", "finally", "teardown:failed"], journal.Entries);
    }

    [Fact]
    public async Task Continue_on_error_reports_the_failure_and_goes_on()
    {
        var (exit, journal) = await RunAsync("--target=frosting-after-tolerated");

        Assert.Equal(0, exit);
        Assert.Contains("frosting-after-tolerated", journal.Entries);
    }

    [Fact]
    public async Task Exclusive_runs_only_the_target()
    {
        var (exit, journal) = await RunAsync("--target=frosting-publish", "--exclusive");

        Assert.Equal(0, exit);
        Assert.Equal(["setup", "frosting-publish", "teardown:ok"], journal.Entries);
    }

    [Fact]
    public async Task A_task_named_as_a_dependency_of_another_runs_before_it()
    {
        var (_, journal) = await RunAsync("--target=frosting-build");

        Assert.Equal(["setup", "frosting-lint", "frosting-build", "teardown:ok"], journal.Entries);
    }
}

public sealed class Journal
{
    public List<string> Entries { get; } = [];
}

public sealed class JournalContext(ICakeContext context, Journal journal) : FrostingContext(context)
{
    public Journal Journal { get; } = journal;
}

public sealed class JournalLifetime : FrostingLifetime<JournalContext>
{
    public override void Setup(JournalContext context, ISetupContext info) => context.Journal.Entries.Add("setup");

    public override void Teardown(JournalContext context, ITeardownContext info) =>
        context.Journal.Entries.Add(info.Successful ? "teardown:ok" : "teardown:failed");
}

[TaskName("frosting-build")]
public sealed class FrostingBuildTask : FrostingTask<JournalContext>
{
    public override void Run(JournalContext context) => context.Journal.Entries.Add("frosting-build");
}

[TaskName("frosting-lint")]
[IsDependeeOf(typeof(FrostingBuildTask))]
public sealed class FrostingLintTask : FrostingTask<JournalContext>
{
    public override void Run(JournalContext context) => context.Journal.Entries.Add("frosting-lint");
}

[TaskName("frosting-publish")]
[IsDependentOn(typeof(FrostingBuildTask))]
public sealed class FrostingPublishTask : AsyncFrostingTask<JournalContext>
{
    public override Task RunAsync(JournalContext context)
    {
        context.Journal.Entries.Add("frosting-publish");
        return Task.CompletedTask;
    }
}

[TaskName("frosting-skipped")]
public sealed class FrostingSkippedTask : FrostingTask<JournalContext>
{
    public override bool ShouldRun(JournalContext context) => false;

    public override void Run(JournalContext context) => context.Journal.Entries.Add("frosting-skipped");
}

[TaskName("frosting-after-skipped")]
[IsDependentOn(typeof(FrostingSkippedTask))]
public sealed class FrostingAfterSkippedTask : FrostingTask<JournalContext>
{
    public override void Run(JournalContext context) => context.Journal.Entries.Add("frosting-after-skipped");
}

[TaskName("frosting-failing")]
public sealed class FrostingFailingTask : FrostingTask<JournalContext>
{
    public override void Run(JournalContext context) => throw new InvalidOperationException("boom");

    public override void OnError(Exception exception, JournalContext context)
    {
        context.Journal.Entries.Add($"on-error:{exception.Message}");
        throw exception;
    }

    public override void Finally(JournalContext context) => context.Journal.Entries.Add("finally");
}

[TaskName("frosting-tolerated")]
[ContinueOnError]
public sealed class FrostingToleratedTask : FrostingTask<JournalContext>
{
    public override void Run(JournalContext context) => throw new InvalidOperationException("tolerated");
}

[TaskName("frosting-after-tolerated")]
[IsDependentOn(typeof(FrostingToleratedTask))]
public sealed class FrostingAfterToleratedTask : FrostingTask<JournalContext>
{
    public override void Run(JournalContext context) => context.Journal.Entries.Add("frosting-after-tolerated");
}

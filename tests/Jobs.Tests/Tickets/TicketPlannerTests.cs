using Releng.Jobs.Accounts;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

public sealed class TicketPlannerTests
{
    private readonly InMemoryTracker _tracker = new("releng-bot", "Fixed");

    [Fact]
    public async Task Every_ticket_is_decided_in_ticket_order()
    {
        var tickets = new[] { _tracker.Add(1), _tracker.Add(2), _tracker.Add(3) };

        var plan = await PlanAsync(tickets, new Decider());

        Assert.Equal("test-job", plan.Job);
        Assert.Equal(["releng#1", "releng#2", "releng#3"], plan.Decisions.Select(d => d.Subject));
    }

    [Fact]
    public async Task A_ticket_that_cannot_be_checked_gets_the_jobs_error_decision_and_the_others_go_on()
    {
        var tickets = new[] { _tracker.Add(1), _tracker.Add(2), _tracker.Add(3) };

        var plan = await PlanAsync(tickets, new Decider { Failing = { [2] = new InvalidOperationException("dist-git answered 500") } });

        Assert.Equal(["decided", "error: dist-git answered 500", "decided"], plan.Decisions.Select(d => d.Reason));
    }

    [Fact]
    public async Task A_ticket_that_needs_to_know_who_someone_is_without_an_account_directory_is_left_for_a_person()
    {
        var plan = await PlanAsync([_tracker.Add(1)], new Decider { Failing = { [1] = new AccountDirectoryUnavailableException() } });

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal((TicketDecisionKinds.NeedsHuman, AccountDirectoryUnavailableException.Reason), (decision.Action, decision.Reason));
        Assert.Empty(decision.Steps);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_it_rather_than_marking_tickets_as_errors()
    {
        using var cancellation = new CancellationTokenSource();
        var decider = new Decider { OnDecide = _ => cancellation.Cancel() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TicketPlanner.PlanAsync("test-job", new BotIdentity("releng-bot", null), "releng-bot", [_tracker.Add(1), _tracker.Add(2)],
                decider, maxConcurrency: 1, cancellation.Token));
    }

    [Fact]
    public async Task A_token_of_another_account_puts_one_warning_first()
    {
        var identity = await BotIdentity.ResolveAsync(_tracker, "releng-bot-staging", CancellationToken.None);

        var plan = await TicketPlanner.PlanAsync("test-job", identity, "releng-bot-staging", [_tracker.Add(1)], new Decider(), null, CancellationToken.None);

        Assert.Equal([TicketDecisionKinds.Warning, "decide"], plan.Decisions.Select(d => d.Action));
        Assert.Equal("bot @releng-bot", plan.Decisions[0].Subject);
        Assert.Contains(new Evidence("bot parameter", "releng-bot-staging"), plan.Decisions[0].Evidence);
    }

    [Fact]
    public async Task The_configured_bot_gives_no_warning()
    {
        var identity = await BotIdentity.ResolveAsync(_tracker, "releng-bot", CancellationToken.None);

        Assert.Empty(TicketPlanner.Warnings(identity, "releng-bot"));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(null, 6)]
    public async Task No_more_tickets_than_the_bound_are_decided_at_once(int? bound, int atOnce)
    {
        var tickets = Enumerable.Range(1, 6).Select(id => _tracker.Add(id)).ToList();
        var decider = new Decider { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

        var planning = TicketPlanner.PlanAsync("test-job", new BotIdentity("releng-bot", null), "releng-bot", tickets, decider, bound, CancellationToken.None);
        var startedAtOnce = decider.MostAtOnce;
        decider.Hold.SetResult();
        var plan = await planning;

        Assert.Equal(atOnce, startedAtOnce);
        Assert.Equal(atOnce, decider.MostAtOnce);
        Assert.Equal(6, plan.Decisions.Count);
    }

    private static Task<Plan> PlanAsync(IReadOnlyList<Ticket> tickets, Decider decider) =>
        TicketPlanner.PlanAsync("test-job", new BotIdentity("releng-bot", null), "releng-bot", tickets, decider, maxConcurrency: 2, CancellationToken.None);

    /// <summary>Decides every ticket "decide", or throws what <see cref="Failing"/> says; counts how many run at once.</summary>
    private sealed class Decider : ITicketDecider
    {
        private int _running;
        private int _most;

        public Dictionary<int, Exception> Failing { get; } = [];
        public Action<Ticket>? OnDecide { get; init; }

        /// <summary>Every decision waits for it, so the tickets started so far are all running.</summary>
        public TaskCompletionSource? Hold { get; init; }
        public int MostAtOnce => _most;

        public async Task<IReadOnlyList<Decision>> DecideAsync(Ticket ticket, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _most, running);
            try
            {
                OnDecide?.Invoke(ticket);
                if (Hold is not null)
                {
                    await Hold.Task;
                }
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                if (Failing.TryGetValue(ticket.Id, out var failure))
                {
                    throw failure;
                }
                return [Decision.NothingToDo($"releng#{ticket.Id}", "decide", "decided")];
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Decision NeedsHuman(Ticket ticket, AccountDirectoryUnavailableException reason) =>
            Decision.NothingToDo($"releng#{ticket.Id}", TicketDecisionKinds.NeedsHuman, reason.Message);

        public Decision CouldNotDecide(Ticket ticket, Exception error) =>
            Decision.NothingToDo($"releng#{ticket.Id}", TicketDecisionKinds.Error, $"error: {error.Message}");

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}

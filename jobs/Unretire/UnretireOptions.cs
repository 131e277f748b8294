using Releng.Jobs.Services;

namespace Releng.Jobs.Unretire;

/// <summary>What one unretire job run looks at and how far it goes; the defaults are jobs.yaml's.</summary>
/// <param name="Tracker">Where hand-written unretirement tickets are filed (<c>forge:releng/tickets</c>).</param>
/// <param name="Phase">How far the run goes; jobs.yaml must say it.</param>
/// <param name="Ticket">Only this ticket, when set: of <paramref name="TicketTracker"/>, or else of <paramref name="Tracker"/>.</param>
/// <param name="Bot">The bot's account when the tracker has no token (a plan-only run); with one, the token's account.</param>
/// <param name="RequestsTracker">
/// Where <c>fedpkg request-unretirement</c> files its requests (<c>forge:releng/fedora-scm-requests</c>); null: only
/// <paramref name="Tracker"/> is read.
/// </param>
/// <param name="TicketTracker">The tracker <paramref name="Ticket"/> is on, when a ticket URL named it.</param>
/// <param name="RelengGroup">The FAS group whose members, besides the requester, may ask the bot to <c>retry</c>.</param>
/// <param name="MaxBotCommentsPerDay">Bot comments on one ticket in 24 hours after which it is left for a person.</param>
/// <param name="Concurrency">How many tickets are checked at once; null: twice dist-git's request bound (<see cref="For"/>).</param>
public sealed record UnretireOptions(
    string Tracker = "forge:releng/tickets",
    UnretirePhase Phase = UnretirePhase.Report,
    int? Ticket = null,
    string Bot = BotAccount.DefaultName,
    string RelengGroup = "releng",
    string? RequestsTracker = "forge:releng/fedora-scm-requests",
    string? TicketTracker = null,
    int MaxBotCommentsPerDay = Tickets.CommentBound.DefaultMaxPerDay,
    int? Concurrency = null)
{
    /// <summary>The trackers the job reads, the hand-written tickets' first.</summary>
    public IReadOnlyList<string> Trackers => RequestsTracker is { } requests && requests != Tracker ? [Tracker, requests] : [Tracker];

    /// <summary>The ticket to read alone on <paramref name="tracker"/>: <see cref="Ticket"/> when it is on it.</summary>
    public int? TicketOn(string tracker) => (TicketTracker ?? Tracker) == tracker ? Ticket : null;

    /// <summary>Whether a run for one ticket leaves <paramref name="tracker"/> unread.</summary>
    public bool Skips(string tracker) => Ticket is not null && TicketOn(tracker) is null;

    /// <summary>
    /// Twice dist-git's request bound (8 unless jobs.yaml's <c>services.&lt;env&gt;.concurrency</c> says otherwise): a
    /// ticket's checks wait on one request at a time, mostly dist-git's, so this many keeps dist-git near its bound
    /// without queueing hundreds of tickets behind it.
    /// </summary>
    public static int ConcurrencyFor(Http.ServiceBounds bounds) => 2 * bounds.For(ServiceName.DistGit);

    public static int DefaultConcurrency => ConcurrencyFor(Http.ServiceBounds.Defaults);

    public int EffectiveConcurrency => Concurrency ?? DefaultConcurrency;

    /// <summary>These options with <see cref="Concurrency"/> following <paramref name="bounds"/> when jobs.yaml did not set it.</summary>
    public UnretireOptions For(Http.ServiceBounds bounds) => Concurrency is null ? this with { Concurrency = ConcurrencyFor(bounds) } : this;
}

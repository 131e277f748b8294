using Releng.Jobs.Services;

namespace Releng.Jobs.Unretire;

/// <summary>What one unretire job run looks at and how far it goes; the defaults are jobs.yaml's.</summary>
/// <param name="Tracker">Pagure project of the tickets (<c>releng</c>).</param>
/// <param name="Phase">How far the run goes; jobs.yaml must say it.</param>
/// <param name="Ticket">Only this ticket, when set.</param>
/// <param name="Bot">The bot's account when the tracker has no token (a plan-only run); with one, the token's account.</param>
/// <param name="RelengGroup">The FAS group whose members, besides the requester, may ask the bot to <c>retry</c>.</param>
/// <param name="MaxBotCommentsPerDay">Bot comments on one ticket in 24 hours after which it is left for a person.</param>
/// <param name="Concurrency">How many tickets are checked at once; null: <see cref="DefaultConcurrency"/>.</param>
public sealed record UnretireOptions(
    string Tracker = "releng",
    UnretirePhase Phase = UnretirePhase.Report,
    int? Ticket = null,
    string Bot = BotAccount.DefaultName,
    string RelengGroup = "releng",
    int MaxBotCommentsPerDay = Tickets.CommentBound.DefaultMaxPerDay,
    int? Concurrency = null)
{
    /// <summary>
    /// Twice the per-service request bound (<see cref="Http.HttpOptions.MaxConcurrency"/>): a ticket's checks wait on
    /// one service at a time, spread over dist-git, Koji, FASJSON and Bugzilla, so this many keeps each service near
    /// its bound without queueing hundreds of tickets behind it.
    /// </summary>
    public static int DefaultConcurrency => 2 * Http.HttpOptions.Default.MaxConcurrency;

    public int EffectiveConcurrency => Concurrency ?? DefaultConcurrency;
}

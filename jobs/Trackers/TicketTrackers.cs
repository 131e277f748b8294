using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Forgejo;
using Releng.Jobs.Pagure;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Trackers;

/// <summary>
/// The environment's ticket trackers by jobs.yaml name: <c>forge:…</c> is Fedora Forge (when the environment's
/// <c>services:</c> names one), <c>pagure:…</c> or a bare project is pagure.io. A job factory asks for its
/// <c>tracker</c> parameter's tracker here and hands the job the tracker and the parameter unchanged.
/// </summary>
public sealed class TicketTrackers(IServiceProvider services)
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>
    /// The tracker for a jobs.yaml <c>tracker</c> value, recording close statuses with <paramref name="closeLabels"/>
    /// (status → label; on the forge only). A bare project (no <c>forge:</c>/<c>pagure:</c>) gets the registered
    /// <see cref="ITicketTracker"/> as it is, which is pagure.io's unless a test stands in for it.
    /// </summary>
    public ITicketTracker For(string tracker, IReadOnlyDictionary<string, string>? closeLabels = null)
    {
        var reference = TrackerReference.Parse(tracker);
        return reference.ToString() == tracker || tracker.StartsWith(TrackerReference.PagurePrefix, StringComparison.Ordinal)
            ? For(reference, closeLabels)
            : services.GetRequiredService<ITicketTracker>();
    }

    /// <summary>The tracker for <paramref name="tracker"/> in <paramref name="services"/>, or their one <see cref="ITicketTracker"/> when they hold no <see cref="TicketTrackers"/>.</summary>
    public static ITicketTracker Resolve(IServiceProvider services, string tracker, IReadOnlyDictionary<string, string>? closeLabels = null) =>
        services.GetService<TicketTrackers>()?.For(tracker, closeLabels) ?? services.GetRequiredService<ITicketTracker>();

    public ITicketTracker For(TrackerReference reference, IReadOnlyDictionary<string, string>? closeLabels = null) => reference.Kind switch
    {
        TrackerKind.Forge => new PrefixedTicketTracker(
            (services.GetService<ForgejoTicketTracker>() ?? throw new InvalidOperationException(
                $"{reference} is on Fedora Forge, but this environment names no forge (services: <environment>: forge:)"))
                .WithCloseLabels(reference.Project, closeLabels ?? NoLabels),
            TrackerKind.Forge),
        _ => new PrefixedTicketTracker(services.GetRequiredService<PagureTicketTracker>(), TrackerKind.Pagure),
    };
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Builds the unretire job from its jobs.yaml parameters (<c>phase</c>, <c>tracker</c>, <c>requests_tracker</c>,
/// <c>bot</c>, <c>releng_group</c>) and the environment's clients. With <see cref="UnavailableAccountDirectory"/> (no
/// account directory configured) nobody can be verified as a packager, so every ticket that needs it is left for a
/// person with that reason rather than processed on trust or refused on a guess.
/// </summary>
public sealed class UnretireJobFactory : IJobFactory
{
    private static readonly UnretireDescriptor Descriptor = new();

    public string Task => UnretireDescriptor.Name;

    public IJob Create(JobRequest request, IServiceProvider services)
    {
        var options = Descriptor.Bind(request).For(services.GetService<Http.ServiceBounds>() ?? Http.ServiceBounds.Defaults);
        var distGit = services.GetRequiredService<IDistGit>();
        var git = services.GetRequiredService<GitClient>();
        var koji = services.GetRequiredService<IKojiPackageBlocks>();
        var accounts = services.GetService<IAccountDirectory>() ?? new UnavailableAccountDirectory();
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var checker = new UnretireChecker(distGit, git, koji, services.GetRequiredService<IBugzilla>(), accounts, clock);
        var closeLabels = CloseLabelsParameter.Read(request.Parameters);
        var trackers = options.Trackers.Select(name => new TrackerProject(TicketTrackers.Resolve(services, name, closeLabels), name)).ToList();
        return new UnretireJob(options, trackers, distGit, git, koji, services.GetRequiredService<IBodhi>(), accounts, checker, clock);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Reviews;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Builds the unretire job from its jobs.yaml parameters (<c>phase</c>, <c>tracker</c>) and the environment's
/// clients. Without an <see cref="IPackagerDirectory"/> (FAS) nobody can be verified as a packager, so every
/// ticket is refused for that reason rather than processed on trust.
/// </summary>
public sealed class UnretireJobFactory : IJobFactory
{
    public string Task => "unretire";

    public IJob Create(JobRequest request, IServiceProvider services)
    {
        var options = new UnretireJobOptions(
            request.Parameters.Text("tracker"),
            UnretirePhases.Parse(request.Parameters.Text("phase")),
            request.Ticket);
        var distGit = services.GetRequiredService<IDistGit>();
        var git = services.GetRequiredService<GitClient>();
        var koji = services.GetRequiredService<IKojiPackageBlocks>();
        var directory = services.GetService<IPackagerDirectory>() ?? new InMemoryPackagerDirectory([]);
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var checker = new UnretireChecker(distGit, git, koji, services.GetRequiredService<IBugzilla>(), directory, clock);
        return new UnretireJob(options, services.GetRequiredService<ITicketTracker>(), distGit, git, koji,
            services.GetRequiredService<IBodhi>(), checker);
    }
}

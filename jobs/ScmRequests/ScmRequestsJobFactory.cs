using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Builds <see cref="ScmRequestsJob"/> for the <c>scm-requests</c> task. Accounts and groups come from the
/// <see cref="IAccountDirectory"/> in DI (the sandbox's people; in the real environments, until a FASJSON client
/// exists, <see cref="UnavailableAccountDirectory"/>, so a ticket whose handling depends on who someone is stays open
/// for a person, while approvers named in the <c>approvers</c> parameter still count). Collaborators' branch patterns
/// come from <see cref="ICollaboratorBranches"/> when one is registered.
/// </summary>
public sealed class ScmRequestsJobFactory : IJobFactory
{
    private static readonly ScmRequestsDescriptor Descriptor = new();

    public string Task => ScmRequestsDescriptor.Name;

    public IJob Create(JobRequest request, IServiceProvider services)
    {
        var options = Descriptor.Bind(request);
        return new ScmRequestsJob(
            options,
            TicketTrackers.Resolve(services, options.Tracker, CloseLabelsParameter.Read(request.Parameters)),
            services.GetRequiredService<IDistGit>(),
            services.GetRequiredService<IBugzilla>(),
            services.GetRequiredService<GitClient>(),
            services.GetService<IAccountDirectory>() ?? new UnavailableAccountDirectory(),
            services.GetService<ICollaboratorBranches>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Reviews;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Builds <see cref="ScmRequestsJob"/> for the <c>scm-requests</c> task. Group membership and the packager
/// directory come from DI (<see cref="IGroupDirectory"/>, <see cref="IPackagerDirectory"/>; the sandbox registers
/// both from its people). Without them, as in the real environments until a FASJSON client exists, approvers are only
/// the <c>approvers</c> parameter and review bugs cannot be judged (those tickets are
/// reported as errors and left alone).
/// </summary>
public sealed class ScmRequestsJobFactory : IJobFactory
{
    public string Task => "scm-requests";

    public IJob Create(JobRequest request, IServiceProvider services)
    {
        var parameters = request.Parameters;
        var approvers = parameters.TextList("approvers");
        var approverGroup = parameters.Text("approver_group");
        var options = new ScmRequestsOptions(parameters.Text("tracker"), parameters.Text("bot"), request.Ticket, approverGroup, approvers);
        return new ScmRequestsJob(
            options,
            services.GetRequiredService<ITicketTracker>(),
            services.GetRequiredService<IDistGit>(),
            services.GetRequiredService<IBugzilla>(),
            services.GetRequiredService<GitClient>(),
            services.GetService<IPackagerDirectory>() ?? new UnavailablePackagerDirectory(),
            services.GetService<IGroupDirectory>() ?? new InMemoryGroupDirectory(new Dictionary<string, IReadOnlyList<string>>()),
            services.GetService<ICollaboratorBranches>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    /// <summary>Stands in for FASJSON, which is not implemented: judging a review bug fails loudly instead of guessing.</summary>
    private sealed class UnavailablePackagerDirectory : IPackagerDirectory
    {
        public Task<FedoraAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("no Fedora account directory (FASJSON) is configured, so review bugs cannot be judged");
    }
}

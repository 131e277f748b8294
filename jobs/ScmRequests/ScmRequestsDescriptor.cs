using Releng.Jobs.Configuration;
using Releng.Jobs.Planning;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.ScmRequests;

/// <summary>The <c>scm-requests</c> task: its parameters and secrets, and the binder of <see cref="ScmRequestsOptions"/>.</summary>
public sealed class ScmRequestsDescriptor : JobDescriptor<ScmRequestsOptions>
{
    public const string Name = "scm-requests";

    private static readonly ScmRequestsOptions Defaults = new();

    public override string Task => Name;

    public override string Description => "New repository and new branch requests";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("tracker", ParameterKind.Text, TrackerParameter.Description, Default: Defaults.Tracker),
        new(CloseLabelsParameter.Name, ParameterKind.TextList, CloseLabelsParameter.Description),
        new("bot", ParameterKind.Text, "The bot's Pagure account when running without a token; with one, the token's account", Default: Defaults.Bot),
        new("approvers", ParameterKind.TextList, "Accounts that may confirm an exception request with '@<bot> valid'"),
        new("approver_group", ParameterKind.Text, "FAS group whose members may confirm an exception request", Default: Defaults.ApproverGroup),
        new("provenpackager_group", ParameterKind.Text, "FAS group whose members may request non-EPEL branches of any rpm",
            Default: Defaults.ProvenpackagerGroup),
        new("max_bot_comments_per_day", ParameterKind.Integer,
            "Bot comments on one ticket in 24 hours after which the ticket is left for a person", Default: Defaults.MaxBotCommentsPerDay),
    ];

    public override IReadOnlyList<ParameterSpec> Inputs { get; } = [TicketInput];

    /// <summary>FORGE_TOKEN or PAGURE_TOKEN (tickets, on the tracker's forge), DISTGIT_TOKEN (create repositories and branches), BUGZILLA_API_KEY (validate the review bug).</summary>
    public override IReadOnlyList<string> Secrets { get; } = ["FORGE_TOKEN", "PAGURE_TOKEN", "DISTGIT_TOKEN", "BUGZILLA_API_KEY", .. Kerberos];

    public override int TimeoutMinutes => 30;

    public override string Documentation => "docs/jobs/scm-requests.md";

    public override ScmRequestsOptions Bind(JobRequest request)
    {
        var parameters = request.Parameters;
        return new ScmRequestsOptions(
            TrackerParameter.Read(parameters),
            parameters.Text("bot"),
            request.Ticket,
            parameters.Text("approver_group"),
            parameters.TextList("approvers"),
            parameters.Text("provenpackager_group"),
            parameters.Integer("max_bot_comments_per_day") ?? Defaults.MaxBotCommentsPerDay);
    }
}

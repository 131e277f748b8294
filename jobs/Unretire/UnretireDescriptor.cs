using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Releng.Jobs.Configuration;
using Releng.Jobs.Http;
using Releng.Jobs.Koji;
using Releng.Jobs.Planning;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.Unretire;

/// <summary>The <c>unretire</c> task: its parameters, secrets and services, and the binder of <see cref="UnretireOptions"/>.</summary>
public sealed class UnretireDescriptor : JobDescriptor<UnretireOptions>
{
    public const string Name = "unretire";

    private static readonly UnretireOptions Defaults = new();
    private static readonly IReadOnlyList<string> Phases = ["report", "recent", "all"];

    public override string Task => Name;

    public override string Description => "Unretirement tickets: report, then process recent retirements, then all";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("tracker", ParameterKind.Text, TrackerParameter.Description, Default: Defaults.Tracker),
        new(CloseLabelsParameter.Name, ParameterKind.TextList, CloseLabelsParameter.Description),
        new("phase", ParameterKind.Text, "How far to go", Required: true, Choices: Phases),
        new("bot", ParameterKind.Text, "The bot's Pagure account when running without a token; with one, the token's account", Default: Defaults.Bot),
        new("releng_group", ParameterKind.Text, "FAS group whose members, besides the requester, may ask the bot to retry", Default: Defaults.RelengGroup),
        new(TrackerParameter.RequestsName, ParameterKind.Text,
            "Where fedpkg request-unretirement files its requests (forge:releng/fedora-scm-requests); none: only 'tracker' is read",
            Default: Defaults.RequestsTracker),
        new("max_bot_comments_per_day", ParameterKind.Integer,
            "Bot comments on one ticket in 24 hours after which the ticket is left for a person", Default: Defaults.MaxBotCommentsPerDay),
        new("concurrency", ParameterKind.Integer, $"Tickets checked at once (default {UnretireOptions.DefaultConcurrency}, twice dist-git's request bound)"),
    ];

    public override IReadOnlyList<ParameterSpec> Inputs { get; } = [TicketInput];

    /// <summary>
    /// FORGE_TOKEN or PAGURE_TOKEN (comment on and close tickets, on the tracker's forge), DISTGIT_TOKEN (revert the retirement commit), the Koji login
    /// (unblock the package), BUGZILLA_API_KEY (check the review bug of packages retired for more than 8 weeks).
    /// </summary>
    public override IReadOnlyList<string> Secrets { get; } = ["FORGE_TOKEN", "PAGURE_TOKEN", "DISTGIT_TOKEN", .. KojiLogin, "BUGZILLA_API_KEY"];

    public override int TimeoutMinutes => 30;

    public override string Documentation => "docs/jobs/unretire.md";

    /// <summary>Registers <see cref="IKojiPackageBlocks"/> over the registered <see cref="IKojiClient"/>.</summary>
    public override void AddServices(IServiceCollection services, HttpOptions http) =>
        services.TryAddSingleton<IKojiPackageBlocks>(provider => new KojiPackageBlocks(provider.GetRequiredService<IKojiClient>()));

    public override UnretireOptions Bind(JobRequest request)
    {
        var parameters = request.Parameters;
        var phase = parameters.Text("phase");
        return new UnretireOptions(
            TrackerParameter.Read(parameters),
            UnretirePhases.TryParse(phase) ?? throw parameters.Error("phase", $"unretire: unknown phase '{phase}'; expected {string.Join(", ", Phases)}"),
            request.Ticket,
            parameters.Text("bot"),
            parameters.Text("releng_group"),
            TrackerParameter.ReadOptional(parameters, TrackerParameter.RequestsName),
            request.TicketTracker,
            parameters.Integer("max_bot_comments_per_day") ?? Defaults.MaxBotCommentsPerDay,
            parameters.Integer("concurrency") is { } concurrency
                ? concurrency >= 1 ? concurrency : throw parameters.Error("concurrency", "unretire: concurrency must be at least 1")
                : null);
    }
}

using Releng.Jobs.Services;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// The job's settings from jobs.yaml; the defaults are jobs.yaml's. <see cref="Approvers"/> and the members of
/// <see cref="ApproverGroup"/> may confirm a request that skips the review with <c>@bot valid</c>, and are pinged
/// when one arrives. Members of <see cref="ProvenpackagerGroup"/> may ask for non-EPEL branches of any rpm. Past
/// <see cref="MaxBotCommentsPerDay"/> bot comments on a ticket in 24 hours, it is left for a person.
/// </summary>
public sealed record ScmRequestsOptions(
    string Tracker = "forge:releng/fedora-scm-requests",
    string Bot = BotAccount.DefaultName,
    int? Ticket = null,
    string ApproverGroup = "releng",
    IReadOnlyList<string>? Approvers = null,
    string ProvenpackagerGroup = "provenpackager",
    int MaxBotCommentsPerDay = Tickets.CommentBound.DefaultMaxPerDay);

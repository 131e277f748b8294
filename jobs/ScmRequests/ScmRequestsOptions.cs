namespace Releng.Jobs.ScmRequests;

/// <summary>
/// The job's settings from jobs.yaml. <see cref="Approvers"/> and the members of <see cref="ApproverGroup"/> may
/// confirm a request that skips the review with <c>@bot valid</c>, and are pinged when one arrives.
/// </summary>
public sealed record ScmRequestsOptions(
    string Tracker = "releng/fedora-scm-requests",
    string Bot = "releng-bot",
    int? Ticket = null,
    string ApproverGroup = "releng",
    IReadOnlyList<string>? Approvers = null,
    string ProvenpackagerGroup = "provenpackager");

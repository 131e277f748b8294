namespace Releng.Jobs.ScmRequests;

/// <summary>
/// The outcome of reading a ticket body: a request, or the reason (as posted on the ticket) it is invalid, or, for a
/// request another job handles (an unretirement filed on the same tracker), that job's name in <see cref="HandledBy"/>.
/// </summary>
public sealed record ParsedTicket(ScmRequest? Request, string? Problem, string? HandledBy = null)
{
    public static ParsedTicket Valid(ScmRequest request) => new(request, null);
    public static ParsedTicket Invalid(string problem) => new(null, problem);

    /// <summary>A request of the unretire job (<c>"action": "request-unretirement"</c>): not this job's to answer.</summary>
    public static ParsedTicket Unretirement(string action) => new(null, null, $"unretire ({action})");
}

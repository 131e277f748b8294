namespace Releng.Jobs.ScmRequests;

/// <summary>The outcome of reading a ticket body: a request, or the reason (as posted on the ticket) it is invalid.</summary>
public sealed record ParsedTicket(ScmRequest? Request, string? Problem)
{
    public static ParsedTicket Valid(ScmRequest request) => new(request, null);
    public static ParsedTicket Invalid(string problem) => new(null, problem);
}

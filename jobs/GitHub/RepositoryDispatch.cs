namespace Releng.Jobs.GitHub;

/// <summary>A <c>repository_dispatch</c> event: its type (a job's <c>events:</c> entry) and the ticket URL it carries.</summary>
public sealed record RepositoryDispatch(string EventType, string TicketUrl);

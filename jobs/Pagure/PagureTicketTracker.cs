using System.Collections.Concurrent;
using Releng.Jobs.Services;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Pagure;

/// <summary>
/// <see cref="ITicketTracker"/> over pagure.io. Thread-safe: the bot identity and each project's close statuses are
/// read once and shared by concurrent callers.
/// </summary>
public sealed class PagureTicketTracker(IPagureTicketsApi api, ServiceEndpoints endpoints, bool hasToken) : ITicketTracker
{
    /// <summary>
    /// The account the releng bot uses on pagure.io. Without a token (a plan-only run) nobody can ask the server who we
    /// are, and the bot's earlier comments must still be recognised.
    /// </summary>
    public const string DefaultBotUser = BotAccount.DefaultName;

    private readonly Lazy<Task<string>> _whoAmI = new(() => hasToken
        ? LoadWhoAmIAsync(api)
        : Task.FromResult(DefaultBotUser));
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> _closeStatuses = new(StringComparer.Ordinal);

    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        await _whoAmI.Value.WaitAsync(cancellationToken);

    public async Task<string?> AuthenticatedUserAsync(CancellationToken cancellationToken = default) =>
        hasToken ? await WhoAmIAsync(cancellationToken) : null;

    public async Task<IReadOnlyList<Ticket>> ListOpenTicketsAsync(
        string project, TicketQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new TicketQuery();
        var filter = new PagureIssueFilter
        {
            Status = PagureIssueStatus.Open,
            Tags = [.. query.Tags, .. query.ExcludedTags.Select(tag => "!" + tag)],
            Author = query.Author,
            Assignee = query.Assignee,
            Since = query.UpdatedSince,
            Order = query.OldestFirst ? "asc" : null,
            PerPage = Math.Clamp(query.PageSize, 1, 100),
        };
        var issues = await api.ListAllIssuesAsync(project, filter, cancellationToken);
        return issues.Select(issue => ToTicket(project, issue)).ToList();
    }

    public async Task<Ticket?> GetTicketAsync(string project, int id, CancellationToken cancellationToken = default)
    {
        try
        {
            return ToTicket(project, await api.GetIssueAsync(project, id, cancellationToken));
        }
        catch (PagureException e) when (e.ErrorCode == PagureErrorCode.NoIssue)
        {
            return null;
        }
    }

    /// <summary>Pagure has no comments-only endpoint: the issue's one GET carries them.</summary>
    public async Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default) =>
        ToTicket(project, await api.GetIssueAsync(project, id, cancellationToken)).Comments;

    public async Task<IReadOnlyList<string>> GetCloseStatusesAsync(string project, CancellationToken cancellationToken = default)
    {
        var load = _closeStatuses.GetOrAdd(project, key => new Lazy<Task<IReadOnlyList<string>>>(() => LoadCloseStatusesAsync(key)));
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.Value.IsFaulted || load.Value.IsCanceled)
        {
            _closeStatuses.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<string>>>>(project, load));
            throw;
        }
    }

    public async Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await api.AddCommentAsync(project, id, new PagureCommentForm(text), cancellationToken);
    }

    public async Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default)
    {
        var allowed = await GetCloseStatusesAsync(project, cancellationToken);
        // A project without close statuses (new projects start so) can only be closed plainly.
        string? chosen = null;
        if (allowed.Count > 0)
        {
            chosen = CloseStatuses.Choose(allowed, closeStatus) ?? throw new ArgumentException(
                $"'{closeStatus}' is not a close status of {project}; it allows {string.Join(", ", allowed)}",
                nameof(closeStatus));
        }
        var issue = await api.GetIssueAsync(project, id, cancellationToken);
        if (!issue.IsOpen)
        {
            return false;
        }
        var answer = await api.ChangeStatusAsync(
            project, id, new PagureStatusForm(PagureIssueStatus.Closed, chosen), cancellationToken);
        return answer.Changed;
    }

    public async Task<bool> AssignAsync(string project, int id, string? assignee, CancellationToken cancellationToken = default)
    {
        var answer = await api.AssignAsync(project, id, new PagureAssignForm(assignee ?? ""), cancellationToken);
        return answer.Changed;
    }

    public string TicketUrl(string project, int id) => endpoints.TicketUrl(project, id);

    private Ticket ToTicket(string project, PagureIssue issue) => new(
        Project: project,
        Id: issue.Id,
        Title: issue.Title,
        Body: issue.Content,
        Author: issue.User.Name,
        IsOpen: issue.IsOpen,
        CloseStatus: issue.CloseStatus,
        Assignee: issue.Assignee?.Name,
        Tags: issue.Tags,
        IsPrivate: issue.Private,
        Created: issue.DateCreated,
        Updated: issue.LastUpdated,
        ClosedAt: issue.IsOpen ? null : issue.ClosedAt,
        Fields: issue.CustomFields
            .Where(field => field.Value is not null)
            .ToDictionary(field => field.Name, field => field.Value!, StringComparer.Ordinal),
        Comments: issue.Comments
            .OrderBy(comment => comment.DateCreated).ThenBy(comment => comment.Id)
            .Select(comment => new TicketComment(
                comment.Id, comment.User.Name, comment.Comment, comment.DateCreated, comment.Notification))
            .ToList(),
        Url: TicketUrl(project, issue.Id));

    private static async Task<string> LoadWhoAmIAsync(IPagureTicketsApi api) =>
        (await api.WhoAmIAsync(CancellationToken.None)).Username;

    private async Task<IReadOnlyList<string>> LoadCloseStatusesAsync(string project) =>
        (await api.GetProjectAsync(project, CancellationToken.None)).CloseStatus;
}

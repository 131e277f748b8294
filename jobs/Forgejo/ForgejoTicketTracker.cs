using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Forgejo;

/// <summary>
/// <see cref="ITicketTracker"/> over Forgejo API v1 (Fedora Forge). A project is a repository path
/// (<c>releng/fedora-scm-requests</c>). Pull requests never count as tickets. A close status is the tracker's
/// configured label (<see cref="ForgejoCloseLabels"/>), looked up among the repository's and the organization's
/// labels once per run; a missing label is never created: the ticket is closed without it and
/// <see cref="CloseLabelWarningAsync"/> says so for the plan. Thread-safe: the identity, page size and labels are read
/// once and shared.
/// </summary>
public sealed class ForgejoTicketTracker(IForgejoApi api, ForgejoTrackerSettings settings, bool hasToken) : ITicketTracker, ICloseLabelWarnings
{
    /// <summary>The releng bot's account, assumed when there is no token to ask the server with.</summary>
    public const string DefaultBotUser = "releng-bot";

    private readonly Lazy<Task<string>> _whoAmI = new(() => hasToken
        ? LoadWhoAmIAsync(api)
        : Task.FromResult(DefaultBotUser));
    private readonly Lazy<Task<int>> _pageSize = new(() => LoadPageSizeAsync(api));
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ForgejoLabel>>>> _labels = new(StringComparer.Ordinal);

    public ForgejoTrackerSettings Settings => settings;

    /// <summary>
    /// This tracker with <paramref name="labels"/> (status → label) recording the close statuses of
    /// <paramref name="project"/> instead of the defaults; the other statuses keep theirs.
    /// </summary>
    public ForgejoTicketTracker WithCloseLabels(string project, IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return this;
        }
        var merged = new Dictionary<string, string>(settings.CloseLabelsFor(project).LabelByStatus, StringComparer.OrdinalIgnoreCase);
        foreach (var (status, label) in labels)
        {
            merged[status] = label;
        }
        var perProject = new Dictionary<string, ForgejoCloseLabels>(settings.CloseLabels, StringComparer.Ordinal)
        {
            [project] = new ForgejoCloseLabels(merged),
        };
        return new ForgejoTicketTracker(api, settings with { CloseLabels = perProject }, hasToken);
    }

    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        await _whoAmI.Value.WaitAsync(cancellationToken);

    public async Task<string?> AuthenticatedUserAsync(CancellationToken cancellationToken = default) =>
        hasToken ? await WhoAmIAsync(cancellationToken) : null;

    /// <summary>Page size for listings: the server's <c>max_response_items</c>, which it would clamp any larger <c>limit</c> to.</summary>
    public async Task<int> PageSizeAsync(CancellationToken cancellationToken = default) =>
        await Once(_pageSize, cancellationToken);

    public async Task<IReadOnlyList<Ticket>> ListOpenTicketsAsync(
        string project, TicketQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new TicketQuery();
        var repository = ForgejoRepository.Parse(project);
        var pageSize = Math.Min(Math.Clamp(query.PageSize, 1, 100), await PageSizeAsync(cancellationToken));
        var filter = new ForgejoIssueFilter
        {
            // Forgejo ANDs labels and drops unknown names (all unknown: no filter), so only one wanted tag is sent;
            // every tag rule is applied below in any case.
            Labels = query.Tags.Count == 1 ? query.Tags[0] : null,
            Since = query.UpdatedSince?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Sort = query.OldestFirst ? "oldest" : null,
        };
        var issues = await api.ListAllIssuesAsync(repository.Owner, repository.Repo, filter, pageSize, cancellationToken);
        var matching = issues
            .Where(issue => !issue.IsPullRequest && issue.IsOpen)
            .Where(issue => query.Tags.Count == 0 || LabelNames(issue).Intersect(query.Tags, StringComparer.Ordinal).Any())
            .Where(issue => !LabelNames(issue).Intersect(query.ExcludedTags, StringComparer.Ordinal).Any())
            .Where(issue => query.Author is null || string.Equals(issue.Author, query.Author, StringComparison.Ordinal))
            .Where(issue => query.Assignee is null || issue.AssigneeLogins.Contains(query.Assignee, StringComparer.Ordinal))
            .ToList();
        var comments = await Task.WhenAll(matching.Select(issue => CommentsAsync(repository, issue, cancellationToken)));
        return matching.Select((issue, i) => ToTicket(project, issue, comments[i])).ToList();
    }

    public async Task<Ticket?> GetTicketAsync(string project, int id, CancellationToken cancellationToken = default)
    {
        var repository = ForgejoRepository.Parse(project);
        var issue = await FindIssueAsync(repository, id, cancellationToken);
        if (issue is null || issue.IsPullRequest)
        {
            return null;
        }
        return ToTicket(project, issue, await CommentsAsync(repository, issue, cancellationToken));
    }

    /// <summary>One GET of the issue's comments (the issue itself is not read again).</summary>
    public async Task<IReadOnlyList<TicketComment>> GetCommentsAsync(string project, int id, CancellationToken cancellationToken = default)
    {
        var repository = ForgejoRepository.Parse(project);
        var comments = await api.ListCommentsAsync(repository.Owner, repository.Repo, id, cancellationToken);
        return ToComments(comments);
    }

    /// <summary>The configured statuses, and any other <c>Closed As/…</c> label the repository or organization has.</summary>
    public async Task<IReadOnlyList<string>> GetCloseStatusesAsync(string project, CancellationToken cancellationToken = default)
    {
        var closeLabels = settings.CloseLabelsFor(project);
        var found = (await LabelsAsync(project, cancellationToken))
            .Select(label => closeLabels.StatusOf(label.Name))
            .OfType<string>();
        return closeLabels.LabelByStatus.Keys.Concat(found).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Why closing with <paramref name="closeStatus"/> would not record the status: the label is not configured or the
    /// tracker lacks it. Null when the label is there. The plan shows it; the close goes ahead without the label.
    /// </summary>
    public async Task<string?> CloseLabelWarningAsync(string project, string closeStatus, CancellationToken cancellationToken = default)
    {
        var name = settings.CloseLabelsFor(project).LabelFor(closeStatus);
        if (name is null)
        {
            return $"{project} has no label configured for the close status '{closeStatus}'; tickets are closed without one";
        }
        return await FindLabelAsync(project, name, cancellationToken) is null
            ? $"{project} has no label '{name}' (repository or organization {ForgejoRepository.Parse(project).Owner}); tickets are closed without it"
            : null;
    }

    public async Task CommentAsync(string project, int id, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var repository = ForgejoRepository.Parse(project);
        await api.AddCommentAsync(repository.Owner, repository.Repo, id, new ForgejoCommentForm(text), cancellationToken);
    }

    /// <summary>
    /// Labels the ticket with the status's label (when the tracker has it), then sets <c>state: closed</c>: a run that
    /// stops in between leaves an open ticket, which the next run closes.
    /// </summary>
    public async Task<bool> CloseAsync(string project, int id, string closeStatus, CancellationToken cancellationToken = default)
    {
        var allowed = await GetCloseStatusesAsync(project, cancellationToken);
        var status = CloseStatuses.Choose(allowed, closeStatus) ?? throw new ArgumentException(
            $"'{closeStatus}' is not a close status of {project}; it allows {string.Join(", ", allowed)}", nameof(closeStatus));
        var repository = ForgejoRepository.Parse(project);
        var issue = await api.GetIssueAsync(repository.Owner, repository.Repo, id, cancellationToken);
        if (!issue.IsOpen)
        {
            return false;
        }
        var labelName = settings.CloseLabelsFor(project).LabelFor(status) ?? ForgejoCloseLabels.MigratedPrefix + status;
        if (await FindLabelAsync(project, labelName, cancellationToken) is { } label
            && !(issue.Labels ?? []).Any(present => present.Id == label.Id))
        {
            await api.AddLabelsAsync(repository.Owner, repository.Repo, id, new ForgejoIssueLabelsForm([label.Id]), cancellationToken);
        }
        var closed = await api.EditIssueAsync(
            repository.Owner, repository.Repo, id, new ForgejoEditIssueForm { State = ForgejoIssue.Closed }, cancellationToken);
        if (closed.IsOpen)
        {
            throw new ForgejoException(HttpStatusCode.Forbidden, $"{project}#{id} is still open after closing it: the account may not close it");
        }
        return true;
    }

    /// <summary>Sets the assignees to exactly <paramref name="assignee"/> (none when null or empty).</summary>
    public async Task<bool> AssignAsync(string project, int id, string? assignee, CancellationToken cancellationToken = default)
    {
        var repository = ForgejoRepository.Parse(project);
        var issue = await api.GetIssueAsync(repository.Owner, repository.Repo, id, cancellationToken);
        IReadOnlyList<string> wanted = string.IsNullOrEmpty(assignee) ? [] : [assignee];
        if (issue.AssigneeLogins.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            return false;
        }
        var changed = await api.EditIssueAsync(
            repository.Owner, repository.Repo, id, new ForgejoEditIssueForm { Assignees = wanted }, cancellationToken);
        // Forgejo ignores assignees silently when the account is not a writer of the repository.
        if (!changed.AssigneeLogins.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            throw new ForgejoException(HttpStatusCode.Forbidden,
                $"{project}#{id} was not assigned to {(wanted.Count == 0 ? "nobody" : "@" + assignee)}: the account may not assign its tickets, or the user cannot be assigned");
        }
        return true;
    }

    public string TicketUrl(string project, int id) => settings.TicketUrl(project, id);

    private async Task<ForgejoIssue?> FindIssueAsync(ForgejoRepository repository, int id, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetIssueAsync(repository.Owner, repository.Repo, id, cancellationToken);
        }
        catch (ForgejoException e) when (e.Status == HttpStatusCode.NotFound)
        {
            // Forgejo answers 404 for a private repository too; listing the repository would fail loudly then.
            return null;
        }
    }

    private async Task<IReadOnlyList<ForgejoComment>> CommentsAsync(
        ForgejoRepository repository, ForgejoIssue issue, CancellationToken cancellationToken) =>
        issue.Comments == 0
            ? []
            : await api.ListCommentsAsync(repository.Owner, repository.Repo, issue.Number, cancellationToken);

    private async Task<ForgejoLabel?> FindLabelAsync(string project, string name, CancellationToken cancellationToken)
    {
        var labels = await LabelsAsync(project, cancellationToken);
        // Repository labels come first and win over an organization label of the same name.
        return labels.FirstOrDefault(label => string.Equals(label.Name, name, StringComparison.Ordinal))
            ?? labels.FirstOrDefault(label => string.Equals(label.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private Task<IReadOnlyList<ForgejoLabel>> LabelsAsync(string project, CancellationToken cancellationToken) =>
        Once(_labels.GetOrAdd(project, key => new Lazy<Task<IReadOnlyList<ForgejoLabel>>>(async () =>
        {
            var repository = ForgejoRepository.Parse(key);
            return await api.ListAllLabelsAsync(repository.Owner, repository.Repo, await PageSizeAsync(), CancellationToken.None);
        })), cancellationToken, () => _labels.TryRemove(project, out _));

    /// <summary>A value read once and shared; a failed read is forgotten, so the next caller tries again.</summary>
    private static async Task<T> Once<T>(Lazy<Task<T>> load, CancellationToken cancellationToken, Action? forget = null)
    {
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.Value.IsFaulted || load.Value.IsCanceled)
        {
            forget?.Invoke();
            throw;
        }
    }

    private Ticket ToTicket(string project, ForgejoIssue issue, IReadOnlyList<ForgejoComment> comments)
    {
        var labels = LabelNames(issue);
        var closeLabels = settings.CloseLabelsFor(project);
        return new Ticket(
            Project: project,
            Id: issue.Number,
            Title: issue.Title,
            Body: issue.Body,
            Author: issue.Author,
            IsOpen: issue.IsOpen,
            CloseStatus: issue.IsOpen ? null : labels.Select(closeLabels.StatusOf).OfType<string>().FirstOrDefault(),
            Assignee: issue.AssigneeLogins.FirstOrDefault(),
            Tags: labels,
            IsPrivate: false,
            Created: issue.CreatedAt,
            Updated: issue.UpdatedAt,
            ClosedAt: issue.IsOpen ? null : issue.ClosedAt,
            Fields: new Dictionary<string, string>(StringComparer.Ordinal),
            Comments: ToComments(comments),
            Url: TicketUrl(project, issue.Number));
    }

    private static IReadOnlyList<TicketComment> ToComments(IEnumerable<ForgejoComment> comments) => comments
        .OrderBy(comment => comment.CreatedAt).ThenBy(comment => comment.Id)
        .Select(comment => new TicketComment(
            comment.Id, ForgejoUser.AuthorOf(comment.User, comment.OriginalAuthor), comment.Body, comment.CreatedAt))
        .ToList();

    private static IReadOnlyList<string> LabelNames(ForgejoIssue issue) => (issue.Labels ?? []).Select(label => label.Name).ToList();

    private static async Task<string> LoadWhoAmIAsync(IForgejoApi api) =>
        (await api.GetAuthenticatedUserAsync(CancellationToken.None)).Login;

    private static async Task<int> LoadPageSizeAsync(IForgejoApi api) =>
        Math.Max(1, (await api.GetApiSettingsAsync(CancellationToken.None)).MaxResponseItems);
}

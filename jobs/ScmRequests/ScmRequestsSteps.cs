using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// The writes of one scm-requests run. Each re-reads the system and answers AlreadyDone when its change is there, so
/// a run that died half-way is finished by the next one.
/// </summary>
public sealed class ScmRequestsSteps(
    TrackerProject project,
    string bot,
    IReadOnlyList<string> closeStatuses,
    IDistGit distGit,
    IBugzilla bugzilla,
    GitClient git)
{
    /// <summary>The branch a new repository starts with, and the default when dist-git names none.</summary>
    public const string DefaultBranch = "rawhide";

    public Step CreateProject(ScmRequest request) => new($"create project {request.Repo}", async ct =>
    {
        if (await distGit.GetProjectAsync(request.Repo, ct) is not null)
        {
            return StepResult.AlreadyDone($"{request.Repo} exists");
        }
        var description = request.Description ?? request.Summary ?? $"The {request.Repo.Name} package";
        // False: the write failed but the project is there now (a racing run, a lost answer): already done.
        return await distGit.CreateProjectAsync(new NewDistGitProject(request.Repo, description, request.UpstreamUrl, DefaultBranch, request.InitialCommit), ct)
            ? StepResult.Done(distGit.ProjectUrl(request.Repo).ToString())
            : StepResult.AlreadyDone($"{request.Repo} exists (created meanwhile)");
    });

    public Step SetMainAdmin(DistGitRepo repo, string user) => new($"set main admin of {repo} to {user}", async ct =>
    {
        var project = await distGit.GetProjectAsync(repo, ct) ?? throw new InvalidOperationException($"{repo} does not exist");
        if (project.Owner == user)
        {
            return StepResult.AlreadyDone($"{user} is the main admin");
        }
        await distGit.SetMainAdminAsync(repo, user, ct);
        return StepResult.Done(user);
    });

    public Step CreateBranchFromDefault(DistGitRepo repo, string branch) => new($"create branch {branch} of {repo}", async ct =>
    {
        var branches = await distGit.GetBranchesAsync(repo, ct) ?? throw new InvalidOperationException($"{repo} does not exist");
        if (branches.Contains(branch))
        {
            return StepResult.AlreadyDone($"{branch} exists");
        }
        return await distGit.CreateBranchAsync(repo, branch, BranchOrigin.FromBranch(branches.Default ?? DefaultBranch), ct)
            ? StepResult.Done(branch)
            : StepResult.AlreadyDone($"{branch} exists (created meanwhile)");
    });

    public Step CreateBranchFromFirstCommit(DistGitRepo repo, string branch, string from) => new($"create branch {branch} of {repo}", async ct =>
    {
        var branches = await distGit.GetBranchesAsync(repo, ct) ?? throw new InvalidOperationException($"{repo} does not exist");
        if (branches.Contains(branch))
        {
            return StepResult.AlreadyDone($"{branch} exists");
        }
        string first;
        await using (var copy = await git.CloneAsync(repo, ct))
        {
            first = await copy.FirstCommitAsync(from, ct) ?? throw new InvalidOperationException(ScmMessages.RepositoryNotInitialized);
        }
        return await distGit.CreateBranchAsync(repo, branch, BranchOrigin.FromCommit(first), ct)
            ? StepResult.Done($"{branch} at {first[..Math.Min(12, first.Length)]}")
            : StepResult.AlreadyDone($"{branch} exists (created meanwhile)");
    });

    /// <summary>
    /// Posts a marked comment unless the bot already posted one of this kind (or, with <paramref name="force"/>, one
    /// answering the same command comments).
    /// </summary>
    public Step Comment(Ticket ticket, string kind, string text, IEnumerable<long> answers, bool force, string? reason = null)
    {
        var answerIds = answers.Distinct().Order().ToList();
        var fields = new List<(string, string)>();
        if (answerIds.Count > 0)
        {
            fields.Add((BotMarker.AnswersField, string.Join(',', answerIds)));
        }
        if (reason is not null)
        {
            fields.Add(("reason", reason));
        }
        var body = BotMarker.Append(text, kind, fields.ToArray());
        return project.Comment($"comment on {project.Subject(ticket.Id)} ({kind})", ticket.Id, current =>
        {
            var done = force || answerIds.Count > 0
                ? answerIds.Count > 0 && current.NotYetAnswered(bot, answerIds).Count == 0
                : current.Marked(bot, kind).Any(m => reason is null || m.Marker["reason"] == reason);
            return done ? TicketCommentDraft.AlreadyPosted("already commented") : TicketCommentDraft.Post(body);
        });
    }

    /// <summary>
    /// Says, right before the branch is created, that this ticket's run creates it. The marker is how a later run
    /// tells a branch this ticket's own run made (it died after the create, or lost the answer) from one that was
    /// there before, such as a branch the bot created for an earlier request.
    /// </summary>
    public Step AnnounceBranch(Ticket ticket, DistGitRepo repo, string branch) =>
        project.Comment($"comment on {project.Subject(ticket.Id)} ({ScmMarkers.CreatingBranch})", ticket.Id, current =>
            CreatesBranch(current, bot, branch)
                ? TicketCommentDraft.AlreadyPosted("already said")
                : TicketCommentDraft.Post(BotMarker.Append(ScmMessages.CreatingBranch(branch, repo.FullName), ScmMarkers.CreatingBranch, ("branch", branch))));

    /// <summary>True when the bot said on <paramref name="ticket"/> that this ticket's run creates (or created) <paramref name="branch"/>.</summary>
    public static bool CreatesBranch(Ticket ticket, string bot, string branch) =>
        ticket.Marked(bot, ScmMarkers.CreatingBranch).Any(m => m.Marker["branch"] == branch);

    /// <summary>
    /// Posts <paramref name="text"/> on the review bug unless the bot's own account already posted it. Only the bot's
    /// comments count, so a packager quoting the text does not silence it. The comment stays plain text as packagers
    /// know it (no hidden marker: Bugzilla shows comments verbatim); the bot's login comes from the API key, asked
    /// here rather than at planning, because a plan-only run has no key.
    /// </summary>
    public Step BugComment(int bugId, string text) => new($"comment on bug {bugId}", async ct =>
    {
        var login = await bugzilla.WhoAmIAsync(ct)
            ?? throw new InvalidOperationException($"commenting on bug {bugId} needs a Bugzilla API key (BUGZILLA_API_KEY)");
        var comments = await bugzilla.GetCommentsAsync(bugId, ct);
        if (comments.Any(c => c.IsBy(login) && c.HasText(text)))
        {
            return StepResult.AlreadyDone("already commented");
        }
        await bugzilla.AddCommentAsync(bugId, text, ct);
        return StepResult.Done(bugzilla.BugUrl(bugId).ToString());
    });

    /// <summary>Closes the ticket as <paramref name="wanted"/>, which the project must allow (checked now, at planning).</summary>
    public Step Close(Ticket ticket, string wanted)
    {
        var status = CloseStatuses.Choose(closeStatuses, wanted)
            ?? throw new InvalidOperationException($"{project.Name} has no close status '{wanted}' (it has: {string.Join(", ", closeStatuses)})");
        return project.Close($"close {project.Subject(ticket.Id)} as {status}", ticket.Id, status);
    }
}

using System.Globalization;
using Releng.Jobs.Accounts;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Reviews;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Processes the open tickets of <c>releng/fedora-scm-requests</c>: new repositories and new branches. Planning only
/// reads (the tickets concurrently; per ticket its body, dist-git, Bugzilla); each decision's steps re-check before
/// writing, so a run that died half-way is finished by the next one. The ticket is closed last.
/// </summary>
public sealed class ScmRequestsJob(
    ScmRequestsOptions options,
    ITicketTracker tracker,
    IDistGit distGit,
    IBugzilla bugzilla,
    GitClient git,
    IAccountDirectory accounts,
    ICollaboratorBranches? collaborators,
    TimeProvider time) : IJob
{
    private const string DefaultBranch = "rawhide";

    private IDistGit DistGitApi => distGit;
    private IBugzilla Bugzilla => bugzilla;
    private IAccountDirectory Accounts => accounts;
    private TimeProvider Time => time;
    private GitClient Git => git;

    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        var identity = await BotIdentity.ResolveAsync(tracker, options.Bot, cancellationToken);
        var bot = identity.Name;
        var closeStatuses = await tracker.GetCloseStatusesAsync(options.Tracker, cancellationToken);
        IReadOnlyList<Ticket> tickets = options.Ticket is { } id
            ? (await tracker.GetTicketAsync(options.Tracker, id, cancellationToken)) is { } one ? [one] : []
            : await tracker.ListOpenTicketsAsync(options.Tracker, new TicketQuery { OldestFirst = true }, cancellationToken);
        var context = new PlanContext(bot, closeStatuses);
        var decisions = await Task.WhenAll(tickets.OrderBy(t => t.Id).Select(ticket => DecideSafelyAsync(context, ticket, cancellationToken)));
        IEnumerable<Decision> warnings = identity.Warning is { } warning
            ? [Decision.NothingToDo($"bot @{bot}", ScmDecisionKinds.Warning, warning, new Evidence("bot parameter", options.Bot))]
            : [];
        return new Plan(ScmRequestsDescriptor.Name, warnings.Concat(decisions.SelectMany(d => d)).ToList());
    }

    private sealed record PlanContext(string Bot, IReadOnlyList<string> CloseStatuses);

    private string Subject(Ticket ticket) => $"{options.Tracker}#{ticket.Id}";

    private async Task<IReadOnlyList<Decision>> DecideSafelyAsync(PlanContext context, Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            return await DecideAsync(context, ticket, cancellationToken);
        }
        catch (AccountDirectoryUnavailableException e)
        {
            // Who may ask or confirm cannot be told: a person handles the ticket; nothing is written on a guess.
            return [Decision.NothingToDo(Subject(ticket), ScmDecisionKinds.NeedsHuman, e.Message, new Evidence("requester", ticket.Author))];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One ticket that cannot be read or checked never stops the others; the next run looks again.
            return [Decision.NothingToDo(Subject(ticket), ScmDecisionKinds.Error, $"could not be checked: {e.Message}")];
        }
    }

    /// <summary>The decisions about one ticket: answers to commands first, then the request itself.</summary>
    private async Task<IReadOnlyList<Decision>> DecideAsync(PlanContext context, Ticket ticket, CancellationToken cancellationToken)
    {
        var subject = Subject(ticket);
        if (!ticket.IsOpen)
        {
            return [Decision.NothingToDo(subject, ScmDecisionKinds.NothingToDo, $"closed ({ticket.CloseStatus ?? "no close status"})")];
        }
        var decisions = new List<Decision>();
        var unanswered = BotCommands.Unanswered(ticket, context.Bot);
        var helpAsks = unanswered.Where(c => c.Kind == BotCommandKind.Help).ToList();
        if (helpAsks.Count > 0)
        {
            decisions.Add(new Decision(subject, ScmDecisionKinds.AnswerHelp, $"@{helpAsks[0].Author} asked for help",
                [new Evidence("command", $"help in comment {helpAsks[0].CommentId}")],
                [CommentStep(ticket, context.Bot, ScmMarkers.Help, ScmMessages.Help(context.Bot), helpAsks.Select(c => c.CommentId), force: true)]));
        }
        var work = new TicketWork(this, context, ticket, unanswered);
        decisions.AddRange(await work.DecideAsync(cancellationToken));
        return decisions;
    }

    /// <summary>Reasoning about one ticket's request; collects evidence as it goes.</summary>
    private sealed class TicketWork(ScmRequestsJob job, PlanContext context, Ticket ticket, IReadOnlyList<BotCommand> unanswered)
    {
        private readonly List<Evidence> _evidence = [new Evidence("requester", ticket.Author)];
        private readonly string _subject = job.Subject(ticket);
        private string Bot => context.Bot;
        private IEnumerable<long> RetryIds => unanswered.Where(c => c.Kind == BotCommandKind.Retry).Select(c => c.CommentId);

        public async Task<IReadOnlyList<Decision>> DecideAsync(CancellationToken cancellationToken)
        {
            var parsed = ScmRequestParser.Parse(ticket.Body);
            if (parsed.Request is not { } request)
            {
                return [Invalid(parsed.Problem!)];
            }
            _evidence.Add(new Evidence("request", request.Action == ScmAction.NewRepo
                ? $"new repository {request.Repo} (branch {request.Branch})"
                : $"new branch {request.Branch} of {request.Repo}"));
            if (!DistGitName.IsUser(ticket.Author))
            {
                return [Invalid(ScmMessages.InvalidRequester(ticket.Author))];
            }
            return request.Action == ScmAction.NewRepo
                ? await NewRepoAsync(request, cancellationToken)
                : await NewBranchAsync(request, cancellationToken);
        }

        private async Task<IReadOnlyList<Decision>> NewRepoAsync(ScmRequest request, CancellationToken cancellationToken)
        {
            var requester = ticket.Author;
            if (request.ExtraBranch is { } extra)
            {
                if (EpelProblem(request.Repo, extra, existing: null) is { } epelProblem)
                {
                    return [Invalid(epelProblem)];
                }
                if (!request.InitialCommit)
                {
                    return [Invalid(ScmMessages.RepositoryNotInitialized)];
                }
            }
            var project = await job.DistGitApi.GetProjectAsync(request.Repo, cancellationToken);
            var resuming = false;
            if (project is not null)
            {
                if (!CreatedForThisTicket(project, requester))
                {
                    _evidence.Add(new Evidence("project", $"{request.Repo} exists, owned by {project.Owner}"));
                    return [Invalid(ScmMessages.ProjectExists)];
                }
                // An earlier run created it and died before closing the ticket: finish the remaining steps.
                resuming = true;
                _evidence.Add(new Evidence("project", $"{request.Repo} was created after the ticket was filed (an earlier run): finishing"));
            }
            if (!await job.DistGitApi.UserExistsAsync(requester, cancellationToken))
            {
                _evidence.Add(new Evidence("dist-git account", "none yet"));
                return [NeedsHuman(ScmMessages.NeedsDistGitLogin(requester, job.DistGitApi.ProjectUrl(request.Repo)),
                    $"@{requester} has no dist-git account yet", "distgit-login")];
            }

            var decisions = new List<Decision>();
            var needsValidation = request.Exception || !ReviewBugRules.IsReviewRequired(request.Repo.Namespace);
            var validIds = new List<long>();
            if (needsValidation && !resuming)
            {
                _evidence.Add(new Evidence("review", request.Exception ? "exception claimed" : $"no review for {request.Repo.Namespace}"));
                var (confirmedBy, refusals) = await ValidationsAsync(cancellationToken);
                decisions.AddRange(refusals);
                if (confirmedBy is null)
                {
                    decisions.Add(await AwaitValidAsync(cancellationToken));
                    return decisions;
                }
                _evidence.Add(new Evidence("validated by", $"@{confirmedBy.Author} (comment {confirmedBy.CommentId})"));
                validIds.AddRange(unanswered.Where(c => c.Kind == BotCommandKind.Valid && c.CommentId == confirmedBy.CommentId).Select(c => c.CommentId));
            }
            else
            {
                decisions.AddRange(AnswerNeedlessValid());
                if (!needsValidation)
                {
                    if (request.BugId is not { } bugId)
                    {
                        decisions.Add(Invalid(ReviewMessages.InvalidBug));
                        return decisions;
                    }
                    var problems = await ReviewProblemsAsync(request, bugId, cancellationToken);
                    if (problems.Count > 0)
                    {
                        decisions.Add(Invalid(ScmMessages.Problems(problems)));
                        return decisions;
                    }
                }
            }
            decisions.Add(CreateRepo(request, validIds));
            return decisions;
        }

        private async Task<IReadOnlyList<string>> ReviewProblemsAsync(ScmRequest request, int bugId, CancellationToken cancellationToken)
        {
            Bug bug;
            try
            {
                bug = await job.Bugzilla.GetBugAsync(bugId, cancellationToken);
            }
            catch (BugzillaException e) when (e.IsMissingBug || e.Code == BugzillaException.AccessDenied)
            {
                _evidence.Add(new Evidence("review bug", $"{bugId}: {e.BugzillaMessage}"));
                return [ReviewBugRules.NotVerifiable(e).Message];
            }
            var problems = await ReviewBugRules.CheckAsync(bug, new ReviewRequest(request.Repo.Name, ticket.Author, request.Repo.Namespace, request.Branch),
                job.Accounts, job.Time.GetUtcNow(), cancellationToken);
            _evidence.Add(new Evidence("review bug", problems.Count == 0
                ? $"{bugId} \"{bug.Summary}\": valid"
                : $"{bugId} \"{bug.Summary}\": {string.Join(", ", problems.Select(p => p.Rule))}"));
            return problems.Select(p => p.Message).ToList();
        }

        private Decision CreateRepo(ScmRequest request, IReadOnlyList<long> validIds)
        {
            var url = job.DistGitApi.ProjectUrl(request.Repo);
            var extra = request.ExtraBranch;
            var text = extra is null ? ScmMessages.RepositoryCreated(url) : ScmMessages.RepositoryCreatedWithBranch(url, extra);
            var steps = new List<Step>
            {
                job.CreateProjectStep(request),
                job.SetMainAdminStep(request.Repo, ticket.Author),
            };
            if (extra is not null)
            {
                steps.Add(job.CreateBranchFromDefaultStep(request.Repo, extra));
            }
            steps.Add(job.CommentStep(ticket, Bot, ScmMarkers.Processed, text, validIds.Concat(RetryIds), force: false));
            if (request.BugId is { } bugId && !request.Exception)
            {
                steps.Add(job.BugCommentStep(bugId, ScmMessages.RepositoryCreated(url)));
            }
            steps.Add(job.CloseStep(ticket, context.CloseStatuses, "Processed"));
            _evidence.Add(new Evidence("main admin", ticket.Author));
            return new Decision(_subject, ScmDecisionKinds.CreateRepo,
                $"create {request.Repo}{(extra is null ? "" : $" with branch {extra}")} for @{ticket.Author}", _evidence.ToList(), steps);
        }

        private async Task<IReadOnlyList<Decision>> NewBranchAsync(ScmRequest request, CancellationToken cancellationToken)
        {
            var requester = ticket.Author;
            var branch = request.Branch;
            if (ScmBranches.IsPlayground(branch))
            {
                return [Invalid(ScmMessages.PlaygroundBranch(branch))];
            }
            if (ScmBranches.LooksLikeRelease(branch))
            {
                return [Invalid(ScmMessages.NotAStandardBranch(branch))];
            }
            var project = await job.DistGitApi.GetProjectAsync(request.Repo, cancellationToken);
            if (project is null)
            {
                return [Invalid(ScmMessages.ProjectMissing)];
            }
            var branches = await job.DistGitApi.GetBranchesAsync(request.Repo, cancellationToken);
            var defaultBranch = branches?.Default ?? DefaultBranch;
            _evidence.Add(new Evidence("branches", branches is null ? "none" : string.Join(", ", branches.Names)));
            if (branches is null || branches.Branches.Count == 0)
            {
                return [Invalid(ScmMessages.RepositoryNotInitialized)];
            }
            if (EpelProblem(request.Repo, branch, branches) is { } epelProblem)
            {
                return [Invalid(epelProblem)];
            }
            var resuming = false;
            if (branches.HeadOf(branch) is { } head)
            {
                // A branch still at the first commit of the default branch is what this job creates: an earlier run
                // died before closing the ticket. Anything else was there before the request.
                await using var copy = await job.Git.CloneAsync(request.Repo, cancellationToken);
                var first = await copy.FirstCommitAsync(defaultBranch, cancellationToken);
                if (first is null || !string.Equals(first, head, StringComparison.Ordinal))
                {
                    return [Invalid(ScmMessages.BranchExists(branch, request.Repo.FullName))];
                }
                resuming = true;
                _evidence.Add(new Evidence("branch", $"{branch} exists at the first commit of {defaultBranch} (an earlier run): finishing"));
            }
            if (await job.DistGitApi.GetRetirementReasonAsync(request.Repo, defaultBranch, cancellationToken) is not null)
            {
                return [Invalid(ScmMessages.Retired(request.Repo.FullName, defaultBranch))];
            }
            var rights = await job.BranchRightsAsync(project, requester, branch, cancellationToken);
            _evidence.Add(new Evidence("access", rights.Evidence));
            if (rights.Refusal is { } refusal && !resuming)
            {
                return rights.NeedsHuman ? [NeedsHuman(refusal, rights.Evidence, "collaborator-patterns")] : [Invalid(refusal)];
            }
            var steps = new List<Step>
            {
                job.CreateBranchFromFirstCommitStep(request.Repo, branch, defaultBranch),
                job.CommentStep(ticket, Bot, ScmMarkers.Processed, ScmMessages.BranchCreated, RetryIds, force: false),
                job.CloseStep(ticket, context.CloseStatuses, "Processed"),
            };
            var decisions = AnswerNeedlessValid().ToList();
            decisions.Add(new Decision(_subject, ScmDecisionKinds.CreateBranch,
                $"create {branch} in {request.Repo} from the first commit of {defaultBranch}", _evidence.ToList(), steps));
            return decisions;
        }

        private string? EpelProblem(DistGitRepo repo, string branch, DistGitBranches? existing)
        {
            if (!ScmBranches.IsEpel(branch))
            {
                return null;
            }
            if (repo.Namespace != "rpms")
            {
                return ScmMessages.EpelOnlyForRpms(branch, repo.Namespace);
            }
            if (ScmBranches.IsPlayground(branch))
            {
                return ScmMessages.PlaygroundBranch(branch);
            }
            if (ScmBranches.NextBase(branch) is { } baseBranch && existing?.Contains(baseBranch) != true)
            {
                return ScmMessages.EpelNextNeedsEpel(branch, baseBranch);
            }
            return null;
        }

        /// <summary>The project was made by this job for this ticket: created after the ticket, owned by the bot or the requester.</summary>
        private bool CreatedForThisTicket(DistGitProject project, string requester)
        {
            if (project.Owner != requester && project.Owner != Bot)
            {
                return false;
            }
            var created = ParseEpoch(project.DateCreated);
            return created is not null && created >= ticket.Created.AddMinutes(-1);
        }

        /// <summary>
        /// Who confirmed the request with <c>valid</c> (the first authorized one, answered or not), and the refusals
        /// owed to the others who tried.
        /// </summary>
        private async Task<(BotCommand? ConfirmedBy, IReadOnlyList<Decision> Refusals)> ValidationsAsync(CancellationToken cancellationToken)
        {
            BotCommand? confirmed = null;
            var refused = new List<BotCommand>();
            var open = unanswered.Select(c => c.CommentId).ToHashSet();
            foreach (var command in BotCommands.Parse(ticket, Bot).Where(c => c.Kind == BotCommandKind.Valid))
            {
                if (await job.IsApproverAsync(command.Author, cancellationToken))
                {
                    confirmed ??= command;
                }
                else if (open.Contains(command.CommentId))
                {
                    refused.Add(command);
                }
            }
            var refusals = refused.Select(command => new Decision(_subject, ScmDecisionKinds.RefuseValid,
                $"@{command.Author} may not validate requests", [new Evidence("command", $"valid in comment {command.CommentId}")],
                [job.CommentStep(ticket, Bot, ScmMarkers.Refusal, ScmMessages.ValidRefused(command.Author, Bot), [command.CommentId], force: true)]))
                .ToList();
            return (confirmed, refusals);
        }

        /// <summary><c>valid</c> on a request that needs no validation: thank and explain, once per comment.</summary>
        private IEnumerable<Decision> AnswerNeedlessValid() =>
            unanswered.Where(c => c.Kind == BotCommandKind.Valid).Select(command => new Decision(_subject, ScmDecisionKinds.RefuseValid,
                "no manual validation needed", [new Evidence("command", $"valid in comment {command.CommentId} by @{command.Author}")],
                [job.CommentStep(ticket, Bot, ScmMarkers.Refusal, ScmMessages.ValidNotNeeded(command.Author), [command.CommentId], force: true)]));

        private async Task<Decision> AwaitValidAsync(CancellationToken cancellationToken)
        {
            var approvers = await job.ApproversAsync(Bot, cancellationToken);
            var pinged = ticket.LatestMarked(Bot, ScmMarkers.AwaitValid) is not null;
            var retries = RetryIds.ToList();
            IReadOnlyList<Step> steps = pinged && retries.Count == 0
                ? []
                : [job.CommentStep(ticket, Bot, ScmMarkers.AwaitValid, ScmMessages.ValidationPing(approvers, Bot), retries, force: retries.Count > 0)];
            _evidence.Add(new Evidence("approvers", string.Join(", ", approvers)));
            return new Decision(_subject, ScmDecisionKinds.AwaitValid,
                pinged ? "waiting for an approver's '@" + Bot + " valid'" : "skips the review: ask the approvers to confirm", _evidence.ToList(), steps);
        }

        private Decision Invalid(string message)
        {
            _evidence.Add(new Evidence("problem", message.Replace("\n", " ", StringComparison.Ordinal)));
            return new Decision(_subject, ScmDecisionKinds.Invalid, FirstLine(message), _evidence.ToList(),
            [
                job.CommentStep(ticket, Bot, ScmMarkers.Invalid, message, RetryIds, force: false),
                job.CloseStep(ticket, context.CloseStatuses, "Invalid"),
            ]);
        }

        /// <summary>
        /// Answered once per <paramref name="key"/> (what is missing) and left open; a <c>retry</c> asks the job to say
        /// it again after checking anew.
        /// </summary>
        private Decision NeedsHuman(string message, string reason, string key)
        {
            var retries = RetryIds.ToList();
            var already = ticket.Marked(Bot, ScmMarkers.NeedsHuman).Any(m => m.Marker["reason"] == key);
            IReadOnlyList<Step> steps = already && retries.Count == 0
                ? []
                : [job.CommentStep(ticket, Bot, ScmMarkers.NeedsHuman, message, retries, force: retries.Count > 0, reason: key)];
            return new Decision(_subject, ScmDecisionKinds.NeedsHuman, already ? $"{reason} (already told)" : reason, _evidence.ToList(), steps);
        }

        private static string FirstLine(string message) => message.Split('\n')[0].TrimStart('*', ' ');
    }

    private static DateTimeOffset? ParseEpoch(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    private async Task<bool> IsApproverAsync(string user, CancellationToken cancellationToken) =>
        (options.Approvers ?? []).Contains(user, StringComparer.Ordinal)
        || await accounts.IsInGroupAsync(user, options.ApproverGroup, cancellationToken);

    private async Task<IReadOnlyList<string>> ApproversAsync(string bot, CancellationToken cancellationToken)
    {
        var members = await accounts.GroupMembersAsync(options.ApproverGroup, cancellationToken);
        return members.Concat(options.Approvers ?? []).Where(user => user != bot && DistGitName.IsUser(user))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the requester may ask for the branch: admin, committer or collaborator with a matching pattern (§2.6).</summary>
    private async Task<BranchRights> BranchRightsAsync(DistGitProject project, string user, string branch, CancellationToken cancellationToken)
    {
        if (project.Owner == user || project.Users.Admin.Contains(user) || project.Users.Commit.Contains(user))
        {
            return BranchRights.Allowed($"@{user} is {(project.Owner == user ? "the main admin" : project.Users.Admin.Contains(user) ? "an admin" : "a committer")}");
        }
        var patterns = collaborators is null ? null : await collaborators.PatternsAsync(project.Repo, cancellationToken);
        foreach (var group in project.Groups.Admin.Concat(project.Groups.Commit).Where(g => g != options.ProvenpackagerGroup))
        {
            if (await accounts.IsInGroupAsync(user, group, cancellationToken))
            {
                return BranchRights.Allowed($"@{user} has commit access through the group {group}");
            }
        }
        if (project.Users.Collaborator.Contains(user))
        {
            if (patterns is null)
            {
                return BranchRights.Human($"@{user} is a collaborator of {project.Repo}, whose branch patterns cannot be read here; " +
                    "a person has to check whether they may request this branch.", $"@{user} is a collaborator; patterns unknown");
            }
            if (patterns.TryGetValue(user, out var mine) && GlobMatches(mine, branch))
            {
                return BranchRights.Allowed($"@{user} is a collaborator on {mine}");
            }
        }
        foreach (var group in project.Groups.Collaborator)
        {
            if (patterns is not null && patterns.TryGetValue("@" + group, out var theirs) && GlobMatches(theirs, branch)
                && await accounts.IsInGroupAsync(user, group, cancellationToken))
            {
                return BranchRights.Allowed($"@{user} is in the collaborator group {group} on {theirs}");
            }
        }
        var proven = project.Repo.Namespace == "rpms" && await accounts.IsInGroupAsync(user, options.ProvenpackagerGroup, cancellationToken);
        if (proven)
        {
            return ScmBranches.IsEpel(branch)
                ? BranchRights.Refused(ScmMessages.ProvenpackagerEpel(user, branch), $"@{user} is only a provenpackager")
                : BranchRights.Allowed($"@{user} is a provenpackager");
        }
        return BranchRights.Refused(ScmMessages.NoBranchRights(user, project.Repo.FullName, branch), $"@{user} has no access to {project.Repo}");
    }

    private sealed record BranchRights(string? Refusal, bool NeedsHuman, string Evidence)
    {
        public static BranchRights Allowed(string evidence) => new(null, false, evidence);
        public static BranchRights Refused(string refusal, string evidence) => new(refusal, false, evidence);
        public static BranchRights Human(string refusal, string evidence) => new(refusal, true, evidence);
    }

    /// <summary>Pagure's collaborator patterns: comma-separated globs with <c>*</c> and <c>?</c>.</summary>
    internal static bool GlobMatches(string patterns, string branch) =>
        patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(pattern =>
            System.Text.RegularExpressions.Regex.IsMatch(branch,
                "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
                    .Replace("\\?", ".", StringComparison.Ordinal) + "\\z"));

    // ---- steps: each re-reads the system and answers AlreadyDone when its change is there ----

    private Step CreateProjectStep(ScmRequest request) => new($"create project {request.Repo}", async ct =>
    {
        if (await distGit.GetProjectAsync(request.Repo, ct) is not null)
        {
            return StepResult.AlreadyDone($"{request.Repo} exists");
        }
        var description = request.Description ?? request.Summary ?? $"The {request.Repo.Name} package";
        await distGit.CreateProjectAsync(new NewDistGitProject(request.Repo, description, request.UpstreamUrl, DefaultBranch, request.InitialCommit), ct);
        return StepResult.Done(distGit.ProjectUrl(request.Repo).ToString());
    });

    private Step SetMainAdminStep(DistGitRepo repo, string user) => new($"set main admin of {repo} to {user}", async ct =>
    {
        var project = await distGit.GetProjectAsync(repo, ct) ?? throw new InvalidOperationException($"{repo} does not exist");
        if (project.Owner == user)
        {
            return StepResult.AlreadyDone($"{user} is the main admin");
        }
        await distGit.SetMainAdminAsync(repo, user, ct);
        return StepResult.Done(user);
    });

    private Step CreateBranchFromDefaultStep(DistGitRepo repo, string branch) => new($"create branch {branch} of {repo}", async ct =>
    {
        var branches = await distGit.GetBranchesAsync(repo, ct) ?? throw new InvalidOperationException($"{repo} does not exist");
        if (branches.Contains(branch))
        {
            return StepResult.AlreadyDone($"{branch} exists");
        }
        await distGit.CreateBranchAsync(repo, branch, BranchOrigin.FromBranch(branches.Default ?? DefaultBranch), ct);
        return StepResult.Done(branch);
    });

    private Step CreateBranchFromFirstCommitStep(DistGitRepo repo, string branch, string from) => new($"create branch {branch} of {repo}", async ct =>
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
        await distGit.CreateBranchAsync(repo, branch, BranchOrigin.FromCommit(first), ct);
        return StepResult.Done($"{branch} at {first[..Math.Min(12, first.Length)]}");
    });

    /// <summary>
    /// Posts a marked comment unless the bot already posted one of this kind (or, with <paramref name="force"/>, one
    /// answering the same command comments).
    /// </summary>
    private Step CommentStep(Ticket ticket, string bot, string kind, string text, IEnumerable<long> answers, bool force, string? reason = null)
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
        return new Step($"comment on {options.Tracker}#{ticket.Id} ({kind})", async ct =>
        {
            var current = await tracker.GetTicketAsync(options.Tracker, ticket.Id, ct)
                ?? throw new InvalidOperationException($"ticket {ticket.Id} disappeared");
            var answered = current.AnsweredCommentIds(bot);
            var done = force || answerIds.Count > 0
                ? answerIds.Count > 0 && answerIds.All(answered.Contains)
                : current.Marked(bot, kind).Any(m => reason is null || m.Marker["reason"] == reason);
            if (done)
            {
                return StepResult.AlreadyDone("already commented");
            }
            await tracker.CommentAsync(options.Tracker, ticket.Id, body, ct);
            return StepResult.Done();
        });
    }

    /// <summary>
    /// Posts <paramref name="text"/> on the review bug unless the bot's own account already posted it. Only the bot's
    /// comments count, so a packager quoting the text does not silence it. The comment stays plain text as packagers
    /// know it (no hidden marker: Bugzilla shows comments verbatim); the bot's login comes from the API key, asked
    /// here rather than at planning, because a plan-only run has no key.
    /// </summary>
    private Step BugCommentStep(int bugId, string text) => new($"comment on bug {bugId}", async ct =>
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

    private Step CloseStep(Ticket ticket, IReadOnlyList<string> allowed, string wanted)
    {
        var status = CloseStatuses.Choose(allowed, wanted)
            ?? throw new InvalidOperationException($"{options.Tracker} has no close status '{wanted}' (it has: {string.Join(", ", allowed)})");
        return new Step($"close {options.Tracker}#{ticket.Id} as {status}", async ct =>
            await tracker.CloseAsync(options.Tracker, ticket.Id, status, ct)
                ? StepResult.Done(status)
                : StepResult.AlreadyDone("already closed"));
    }
}

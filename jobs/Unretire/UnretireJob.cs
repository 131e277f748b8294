using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// The unretire job. For every open ticket whose title says "unretire": read it, run the checks, and decide:
/// post the report (when its facts changed), ask for what is missing, refuse (the report says why, the ticket
/// stays open for releng), or, in phases <c>recent</c> and <c>all</c>, unretire: revert <c>dead.package</c>,
/// unblock in Koji, give an orphaned package to the requester, comment, close. Each step re-checks before it
/// writes, so a run that died half-way is finished by the next one without doing anything twice.
/// </summary>
public sealed class UnretireJob(
    UnretireOptions options,
    ITicketTracker tracker,
    IDistGit distGit,
    GitClient git,
    IKojiPackageBlocks koji,
    IBodhi bodhi,
    IAccountDirectory accounts,
    UnretireChecker checker) : IJob
{
    /// <summary>How many tickets are checked at once (each may clone a repository).</summary>
    private const int Parallelism = 4;

    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        var identity = await BotIdentity.ResolveAsync(tracker, options.Bot, cancellationToken);
        var bot = identity.Name;
        var tickets = await ReadTicketsAsync(cancellationToken);
        var tags = new Lazy<Task<BranchTagMap>>(() => bodhi.GetBranchTagMapAsync(cancellationToken));
        using var gate = new SemaphoreSlim(Parallelism);
        var decisions = await Task.WhenAll(tickets.Select(async ticket =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await DecideAsync(ticket, bot, tags, cancellationToken);
            }
            catch (AccountDirectoryUnavailableException e)
            {
                // Packager status and releng membership cannot be told: a person handles the ticket, nothing is written.
                return Decision.NothingToDo(Subject(ticket.Id), "needs-human", e.Message, new Evidence("ticket", ticket.Url));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Decision.NothingToDo(Subject(ticket.Id), "error", $"the checks failed: {e.Message}",
                    new Evidence("ticket", ticket.Url), new Evidence("error", e.GetType().Name));
            }
            finally
            {
                gate.Release();
            }
        }));
        IEnumerable<Decision> warnings = identity.Warning is { } warning
            ? [Decision.NothingToDo($"bot @{bot}", "warning", warning, new Evidence("bot parameter", options.Bot))]
            : [];
        return new Plan(UnretireDescriptor.Name, warnings.Concat(decisions).ToList());
    }

    private async Task<IReadOnlyList<Ticket>> ReadTicketsAsync(CancellationToken cancellationToken)
    {
        if (options.Ticket is { } id)
        {
            var ticket = await tracker.GetTicketAsync(options.Tracker, id, cancellationToken);
            return ticket is null ? [] : [ticket];
        }
        var open = await tracker.ListOpenTicketsAsync(options.Tracker, new TicketQuery { OldestFirst = true }, cancellationToken);
        return open.Where(UnretireTicketParser.IsUnretirement).OrderBy(t => t.Id).ToList();
    }

    private string Subject(int id) => $"{options.Tracker}#{id}";

    private async Task<Decision> DecideAsync(Ticket ticket, string bot, Lazy<Task<BranchTagMap>> tags, CancellationToken cancellationToken)
    {
        var subject = Subject(ticket.Id);
        if (!ticket.IsOpen)
        {
            return Decision.NothingToDo(subject, "nothing-to-do", $"the ticket is closed ({ticket.CloseStatus ?? "no status"})");
        }
        if (!UnretireTicketParser.IsUnretirement(ticket))
        {
            return Decision.NothingToDo(subject, "nothing-to-do", "not an unretirement request (no \"unretire\" in the title)");
        }

        var commands = await CommandAnswers.ReadAsync(ticket, bot, IsRelengAsync, cancellationToken);
        var parse = UnretireTicketParser.Parse(ticket);
        if (parse.Request is not { } request)
        {
            return AskForInfo(ticket, bot, parse.Problems, commands);
        }

        var map = await tags.Value;
        var facts = await checker.CheckAsync(request, ticket.Url, map, cancellationToken);
        var assessment = UnretireAssessment.Of(facts);
        var evidence = Evidence(facts, assessment);

        var lines = UnretireReport.FactLines(facts, assessment);
        var hash = UnretireReport.Hash(lines);
        var lastReport = ticket.LatestMarked(bot, UnretireReport.MarkerKind);
        var reportIsNew = lastReport?.Marker[UnretireReport.HashField] != hash || commands.Retries.Count > 0;
        var reportStep = ReportStep(ticket, bot, facts, assessment, hash, commands.Retries);

        var steps = new List<Step>();
        string action;
        string reason;
        var process = assessment.Verdict switch
        {
            UnretireVerdict.Ready or UnretireVerdict.AlreadyUnretired => options.Phase >= UnretirePhase.Recent,
            UnretireVerdict.ReadyWithReview => options.Phase >= UnretirePhase.All,
            _ => false,
        };
        if (process)
        {
            var finishing = assessment.Verdict == UnretireVerdict.AlreadyUnretired;
            action = finishing ? "finish" : "process";
            if (!finishing && reportIsNew)
            {
                steps.Add(reportStep);
            }
            steps.AddRange(ProcessSteps(ticket, bot, facts));
            reason = finishing
                ? "no requested branch is retired any more (reverted earlier); finishing what is left"
                : $"{AgeSummary(facts)}; every check passes{(assessment.Verdict == UnretireVerdict.ReadyWithReview ? " and the review bug is valid" : "")}";
        }
        else
        {
            (action, reason) = assessment.Verdict switch
            {
                UnretireVerdict.Refused => ("refuse", Refusals(assessment)),
                UnretireVerdict.NeedsReviewBug => ("ask-for-info", $"{AgeSummary(facts)}, over 8 weeks, and the ticket names no review bug"),
                UnretireVerdict.ReadyWithReview => ("report", $"{AgeSummary(facts)} with a valid review bug; phase '{Phase}' processes only retirements within 8 weeks"),
                UnretireVerdict.AlreadyUnretired => ("report", $"no requested branch is retired any more; phase '{Phase}' only reports"),
                _ => ("report", $"every check passes; phase '{Phase}' only reports"),
            };
            if (reportIsNew)
            {
                steps.Add(reportStep);
            }
            else
            {
                reason = $"report already posted and the facts are unchanged ({reason})";
                action = action == "report" ? "nothing-to-do" : action;
            }
        }
        steps.AddRange(commands.HelpSteps(this, ticket));
        if (steps.Count == 0 && action is not ("refuse" or "ask-for-info"))
        {
            action = "nothing-to-do";
        }
        else if (steps.Count > 0 && steps.All(s => s.Name.StartsWith("answer", StringComparison.Ordinal)))
        {
            action = "answer-help";
        }
        return new Decision(Subject(ticket.Id), action, reason, evidence, steps);
    }

    private string Phase => options.Phase.ToString().ToLowerInvariant();

    private Decision AskForInfo(Ticket ticket, string bot, IReadOnlyList<string> problems, CommandAnswers commands)
    {
        var hash = UnretireReport.Hash(problems);
        var posted = ticket.LatestMarked(bot, UnretireComments.NeedsInfoKind)?.Marker[UnretireReport.HashField] == hash;
        var steps = new List<Step>();
        if (!posted || commands.Retries.Count > 0)
        {
            var retries = commands.Retries.Select(r => r.CommentId).ToList();
            steps.Add(new Step("comment: what the ticket must say", async ct =>
            {
                var current = await ReloadAsync(ticket, ct);
                var answered = current.AnsweredCommentIds(bot);
                var pending = retries.Where(id => !answered.Contains(id)).ToList();
                if (current.LatestMarked(bot, UnretireComments.NeedsInfoKind)?.Marker[UnretireReport.HashField] == hash && pending.Count == 0)
                {
                    return StepResult.AlreadyDone("already asked");
                }
                await tracker.CommentAsync(options.Tracker, ticket.Id, UnretireComments.NeedsInfo(problems, bot, pending), ct);
                return StepResult.Done(ticket.Url);
            }));
        }
        steps.AddRange(commands.HelpSteps(this, ticket));
        return new Decision(Subject(ticket.Id), "ask-for-info",
            $"the ticket cannot be read: it needs {string.Join("; ", problems)}" + (posted ? " (already asked)" : ""),
            [new Evidence("ticket", ticket.Url), new Evidence("title", UnretireReport.Cell(ticket.Title))], steps);
    }

    private Step ReportStep(Ticket ticket, string bot, UnretireFacts facts, UnretireAssessment assessment, string hash, IReadOnlyList<BotCommand> retries) =>
        new("comment: unretirement report", async ct =>
        {
            var current = await ReloadAsync(ticket, ct);
            var last = current.LatestMarked(bot, UnretireReport.MarkerKind);
            var answered = current.AnsweredCommentIds(bot);
            var pendingRetries = retries.Where(r => !answered.Contains(r.CommentId)).Select(r => r.CommentId).ToList();
            if (last?.Marker[UnretireReport.HashField] == hash && pendingRetries.Count == 0)
            {
                return StepResult.AlreadyDone("the same report is already posted");
            }
            var body = UnretireReport.Render(facts, assessment, options.Phase, last?.Marker, pendingRetries);
            await tracker.CommentAsync(options.Tracker, ticket.Id, body, ct);
            return StepResult.Done($"report {hash}");
        });

    private IEnumerable<Step> ProcessSteps(Ticket ticket, string bot, UnretireFacts facts)
    {
        var request = facts.Request;
        var progress = new UnretireProgress();
        var done = ticket.LatestMarked(bot, UnretireComments.DoneKind) is not null;
        var existing = facts.Branches.Where(b => b.Exists).Select(b => b.Branch).ToList();
        if (facts.Retired.Any() || !done)
        {
            yield return new Step($"revert dead.package on {string.Join(", ", existing)}", async ct =>
            {
                await using var copy = await git.CloneAsync(request.Repo, ct);
                var reverts = await copy.RevertRetirementAsync(existing, ticket.Url, ct);
                progress.Reverts.AddRange(reverts);
                if (reverts.FirstOrDefault(r => r.Status == RevertStatus.Refused) is { } refused)
                {
                    throw new InvalidOperationException(refused.Detail);
                }
                var detail = string.Join("; ", reverts.Select(r => r.Detail));
                return reverts.All(r => r.Status == RevertStatus.AlreadyReverted) ? StepResult.AlreadyDone(detail) : StepResult.Done(detail);
            });
        }
        var tags = facts.Branches.Where(b => b is { KojiTag: not null, KojiBlocked: not null }).Select(b => (Tag: b.KojiTag!, Blocked: b.KojiBlocked!.Value))
            .Distinct().ToList();
        foreach (var (tag, blocked) in tags)
        {
            if (!blocked && done)
            {
                continue;
            }
            yield return new Step($"unblock {request.Repo.Name} in Koji tag {tag}", async ct =>
            {
                var unblocked = await koji.UnblockAsync(tag, request.Repo.Name, ct);
                progress.Unblocked.Add((tag, unblocked));
                return unblocked ? StepResult.Done($"unblocked in {tag}") : StepResult.AlreadyDone($"not blocked in {tag}");
            });
        }
        if (facts.Project is { IsOrphaned: true })
        {
            yield return new Step($"give {request.Repo} to {request.Recipient} (main_admin)", async ct =>
            {
                var project = await distGit.GetProjectAsync(request.Repo, ct)
                    ?? throw new InvalidOperationException($"{request.Repo} disappeared from dist-git");
                if (project.Owner == request.Recipient)
                {
                    progress.NewMainAdmin = request.Recipient;
                    return StepResult.AlreadyDone($"main admin is already {request.Recipient}");
                }
                if (!project.IsOrphaned)
                {
                    return StepResult.AlreadyDone($"no longer orphaned (main admin: {project.Owner})");
                }
                await distGit.SetMainAdminAsync(request.Repo, request.Recipient, ct);
                progress.NewMainAdmin = request.Recipient;
                return StepResult.Done($"main admin {request.Recipient}");
            });
        }
        if (!done)
        {
            yield return new Step("comment: unretired, with links", async ct =>
            {
                var current = await ReloadAsync(ticket, ct);
                if (current.LatestMarked(bot, UnretireComments.DoneKind) is not null)
                {
                    return StepResult.AlreadyDone("already announced");
                }
                await tracker.CommentAsync(options.Tracker, ticket.Id, UnretireComments.Done(facts, progress), ct);
                return StepResult.Done(ticket.Url);
            });
        }
        yield return new Step("close as processed", async ct =>
        {
            var statuses = await tracker.GetCloseStatusesAsync(options.Tracker, ct);
            var status = CloseStatuses.Choose(statuses, "Processed", "Fixed")
                ?? throw new InvalidOperationException($"{options.Tracker} has no 'Processed' or 'Fixed' close status ({string.Join(", ", statuses)})");
            return await tracker.CloseAsync(options.Tracker, ticket.Id, status, ct)
                ? StepResult.Done(status)
                : StepResult.AlreadyDone("already closed");
        });
    }

    private string RelengGroup => options.RelengGroup;

    private Task<bool> IsRelengAsync(string user, CancellationToken cancellationToken) =>
        accounts.IsInGroupAsync(user, options.RelengGroup, cancellationToken);

    private Task CommentAsync(int id, string text, CancellationToken cancellationToken) =>
        tracker.CommentAsync(options.Tracker, id, text, cancellationToken);

    private async Task<Ticket> ReloadAsync(Ticket ticket, CancellationToken cancellationToken) =>
        await tracker.GetTicketAsync(options.Tracker, ticket.Id, cancellationToken)
            ?? throw new InvalidOperationException($"ticket {ticket.Id} disappeared");

    private static string AgeSummary(UnretireFacts facts)
    {
        var ages = facts.Retired.Where(b => b.Retirement is not null)
            .Select(b => $"{b.Branch} {b.AgeDays(facts.Now)} days ago").ToList();
        return ages.Count == 0 ? "retired" : $"retired {string.Join(", ", ages)}";
    }

    private static string Refusals(UnretireAssessment assessment) =>
        assessment.Refusals[0].Message + (assessment.Refusals.Count > 1 ? $" (and {assessment.Refusals.Count - 1} more)" : "");

    private static List<Evidence> Evidence(UnretireFacts facts, UnretireAssessment assessment)
    {
        var request = facts.Request;
        var evidence = new List<Evidence>
        {
            new("package", request.Repo.FullName),
            new("requester", request.Recipient == request.Requester ? request.Requester : $"{request.Requester} (for {request.Recipient})"),
            new("owner", facts.Project?.Owner ?? "no such package"),
        };
        evidence.AddRange(UnretireReport.FactLines(facts, assessment)
            .Where(l => !l.StartsWith("owner:", StringComparison.Ordinal) && !l.StartsWith("verdict:", StringComparison.Ordinal))
            .Select(l => l.Split(": ", 2))
            .Select(p => new Evidence(p[0], p[1])));
        foreach (var branch in facts.Retired.Where(b => b.Retirement is not null))
        {
            evidence.Add(new($"{branch.Branch} retired", $"{branch.AgeDays(facts.Now)} days ago ({branch.Retirement!.AuthorDate.UtcDateTime:yyyy-MM-dd})"));
        }
        evidence.Add(new("verdict", UnretireReport.VerdictName(assessment.Verdict)));
        return evidence;
    }

    /// <summary>
    /// The bot commands on a ticket that no bot comment has answered yet. A <c>retry</c> from the requester or a
    /// member of the releng group forces a fresh report (which answers it); <c>help</c>, and a <c>retry</c> from
    /// anyone else, get one help comment answering them all.
    /// </summary>
    private sealed class CommandAnswers
    {
        private readonly string _bot;

        private CommandAnswers(string bot, IReadOnlyList<BotCommand> retries, IReadOnlyList<BotCommand> help, IReadOnlyList<BotCommand> deniedRetries)
        {
            _bot = bot;
            Retries = retries;
            Help = help;
            DeniedRetries = deniedRetries;
        }

        public static async Task<CommandAnswers> ReadAsync(
            Ticket ticket, string bot, Func<string, CancellationToken, Task<bool>> isReleng, CancellationToken cancellationToken)
        {
            var unanswered = BotCommands.Unanswered(ticket, bot);
            var retries = new List<BotCommand>();
            var denied = new List<BotCommand>();
            var help = unanswered.Where(c => c.Kind == BotCommandKind.Help).ToList();
            foreach (var retry in unanswered.Where(c => c.Kind == BotCommandKind.Retry))
            {
                if (retry.Author == ticket.Author || await isReleng(retry.Author, cancellationToken))
                {
                    retries.Add(retry);
                }
                else if (!help.Any(h => h.CommentId == retry.CommentId))
                {
                    denied.Add(retry);
                }
            }
            return new CommandAnswers(bot, retries, help, denied);
        }

        public IReadOnlyList<BotCommand> Retries { get; }
        public IReadOnlyList<BotCommand> Help { get; }
        public IReadOnlyList<BotCommand> DeniedRetries { get; }

        public IEnumerable<Step> HelpSteps(UnretireJob job, Ticket ticket)
        {
            var answers = Help.Concat(DeniedRetries).Select(c => c.CommentId).Distinct().ToList();
            if (answers.Count == 0)
            {
                yield break;
            }
            var denied = DeniedRetries.Select(c => c.Author).ToList();
            yield return new Step($"answer help on comment(s) {string.Join(", ", answers)}", async ct =>
            {
                var current = await job.ReloadAsync(ticket, ct);
                var answered = current.AnsweredCommentIds(_bot);
                if (answers.All(answered.Contains))
                {
                    return StepResult.AlreadyDone("already answered");
                }
                await job.CommentAsync(ticket.Id, UnretireComments.Help(_bot, answers.Where(a => !answered.Contains(a)).ToList(), denied, job.RelengGroup), ct);
                return StepResult.Done();
            });
        }
    }
}

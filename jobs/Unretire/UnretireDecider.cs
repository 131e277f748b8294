using Releng.Jobs.Accounts;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// Decides one unretirement ticket for one run: read it, run the checks, and choose what to post and whether to
/// unretire (<see cref="UnretireDecisionKinds"/>). It only reads; <see cref="UnretireSteps"/> builds the writes.
/// </summary>
public sealed class UnretireDecider(
    UnretireOptions options,
    TrackerProject project,
    string bot,
    UnretireChecker checker,
    IAccountDirectory accounts,
    Lazy<Task<BranchTagMap>> tags,
    UnretireSteps steps) : ITicketDecider
{
    public async Task<IReadOnlyList<Decision>> DecideAsync(Ticket ticket, CancellationToken cancellationToken) =>
        [await DecideOneAsync(ticket, cancellationToken)];

    public Decision NeedsHuman(Ticket ticket, AccountDirectoryUnavailableException reason) =>
        // Packager status and releng membership cannot be told: a person handles the ticket, nothing else is written.
        PersonNeeded.Decide(project, ticket, bot, UnretireDecisionKinds.NeedsHuman, AccountsReason, reason.Message,
            RelengPerson, new Evidence("ticket", ticket.Url));

    // One reason for every "cannot tell who someone is", so the ticket is told once whichever way it was found out.
    private const string AccountsReason = "accounts";

    private string RelengPerson => $"A member of the `{options.RelengGroup}` group";

    public Decision CouldNotDecide(Ticket ticket, Exception error) =>
        Decision.NothingToDo(project.Subject(ticket.Id), UnretireDecisionKinds.Error, $"the checks failed: {error.Message}",
            new Evidence("ticket", ticket.Url), new Evidence("error", error.GetType().Name));

    private async Task<Decision> DecideOneAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var subject = project.Subject(ticket.Id);
        if (!ticket.IsOpen)
        {
            return Decision.NothingToDo(subject, UnretireDecisionKinds.NothingToDo, $"the ticket is closed ({ticket.CloseStatus ?? "no status"})");
        }
        if (!UnretirementRequests.Claims(ticket))
        {
            return Decision.NothingToDo(subject, UnretireDecisionKinds.NothingToDo,
                "not an unretirement request (no \"unretire\" in the title, no unretirement action in the body)");
        }

        var commands = await UnretireCommandAnswers.ReadAsync(ticket, bot, IsRelengAsync, cancellationToken);
        var parse = UnretireTicketParser.Parse(ticket);
        if (parse.Request is not { } request)
        {
            return AskForInfo(ticket, parse.Problems, commands);
        }

        var map = await tags.Value;
        var facts = await checker.CheckAsync(request, ticket.Url, map, cancellationToken);
        var assessment = UnretireAssessment.Of(facts);
        var evidence = Evidence(facts, assessment);

        var lines = UnretireReport.FactLines(facts, assessment);
        var hash = UnretireReport.Hash(lines);
        var lastReport = ticket.LatestMarked(bot, UnretireReport.MarkerKind);
        var reportIsNew = lastReport?.Marker[UnretireReport.HashField] != hash || commands.Retries.Count > 0;
        var reportStep = steps.Report(ticket, facts, assessment, hash, commands.Retries);

        if (facts.AccountsUnknownBecause is { } unknown)
        {
            return AccountsUnknown(ticket, unknown, evidence, commands, reportIsNew ? reportStep : null);
        }

        var planned = new List<Step>();
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
            action = finishing ? UnretireDecisionKinds.Finish : UnretireDecisionKinds.Process;
            if (!finishing && reportIsNew)
            {
                planned.Add(reportStep);
            }
            planned.AddRange(steps.Process(ticket, facts));
            reason = finishing
                ? "no requested branch is retired any more (reverted earlier); finishing what is left"
                : $"{AgeSummary(facts)}; every check passes{(assessment.Verdict == UnretireVerdict.ReadyWithReview ? " and the review bug is valid" : "")}";
        }
        else
        {
            (action, reason) = assessment.Verdict switch
            {
                UnretireVerdict.Refused => (UnretireDecisionKinds.Refuse, Refusals(assessment)),
                UnretireVerdict.NeedsReviewBug => (UnretireDecisionKinds.AskForInfo, $"{AgeSummary(facts)}, over 8 weeks, and the ticket names no review bug"),
                UnretireVerdict.ReadyWithReview => (UnretireDecisionKinds.Report, $"{AgeSummary(facts)} with a valid review bug; phase '{Phase}' processes only retirements within 8 weeks"),
                UnretireVerdict.AlreadyUnretired => (UnretireDecisionKinds.Report, $"no requested branch is retired any more; phase '{Phase}' only reports"),
                _ => (UnretireDecisionKinds.Report, $"every check passes; phase '{Phase}' only reports"),
            };
            if (reportIsNew)
            {
                planned.Add(reportStep);
            }
            else
            {
                reason = $"report already posted and the facts are unchanged ({reason})";
                action = action == UnretireDecisionKinds.Report ? UnretireDecisionKinds.NothingToDo : action;
            }
        }
        // The answer to commands first, while the ticket is still open.
        planned.InsertRange(0, steps.Help(ticket, commands));
        if (planned.Count == 0 && action is not (UnretireDecisionKinds.Refuse or UnretireDecisionKinds.AskForInfo))
        {
            action = UnretireDecisionKinds.NothingToDo;
        }
        else if (planned.Count > 0 && planned.All(s => s.Name.StartsWith(UnretireSteps.AnswerPrefix, StringComparison.Ordinal)))
        {
            action = UnretireDecisionKinds.AnswerHelp;
        }
        return new Decision(subject, action, reason, evidence, planned);
    }

    /// <summary>
    /// The report (phase 1, with "unknown" for the accounts) is posted all the same, and the ticket is told once that
    /// it waits for a person; nothing is reverted or unblocked while an account is unknown.
    /// </summary>
    private Decision AccountsUnknown(Ticket ticket, string unknown, List<Evidence> evidence, UnretireCommandAnswers commands, Step? report)
    {
        var person = PersonNeeded.Decide(project, ticket, bot, UnretireDecisionKinds.NeedsHuman, AccountsReason, unknown, RelengPerson);
        var planned = new List<Step>(steps.Help(ticket, commands));
        if (report is not null)
        {
            planned.Add(report);
        }
        planned.AddRange(person.Steps);
        return new Decision(person.Subject, UnretireDecisionKinds.NeedsHuman, person.Reason, evidence, planned);
    }

    private string Phase => options.Phase.ToString().ToLowerInvariant();

    private Decision AskForInfo(Ticket ticket, IReadOnlyList<string> problems, UnretireCommandAnswers commands)
    {
        var hash = UnretireReport.Hash(problems);
        var posted = ticket.LatestMarked(bot, UnretireComments.NeedsInfoKind)?.Marker[UnretireReport.HashField] == hash;
        var planned = new List<Step>();
        if (!posted || commands.Retries.Count > 0)
        {
            planned.Add(steps.AskForInfo(ticket, problems, hash, commands.Retries));
        }
        planned.InsertRange(0, steps.Help(ticket, commands));
        return new Decision(project.Subject(ticket.Id), UnretireDecisionKinds.AskForInfo,
            $"the ticket cannot be read: it needs {string.Join("; ", problems)}" + (posted ? " (already asked)" : ""),
            [new Evidence("ticket", ticket.Url), new Evidence("title", UnretireReport.Cell(ticket.Title))], planned);
    }

    private Task<bool> IsRelengAsync(string user, CancellationToken cancellationToken) =>
        accounts.IsInGroupAsync(user, options.RelengGroup, cancellationToken);

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
            new("read as", request.Form),
            new("understood", request.Reading ?? $"{request.Repo.FullName} on {string.Join(" ", request.Branches)}"),
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
}

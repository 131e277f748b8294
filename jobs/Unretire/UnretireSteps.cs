using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// The writes of the unretire job for one run: its comments, and unretiring (revert <c>dead.package</c>, unblock in
/// Koji, give an orphaned package to the requester, announce, close). Each re-checks before it writes, so a run that
/// died half-way is finished by the next one without doing anything twice.
/// </summary>
public sealed class UnretireSteps(
    UnretireOptions options,
    TrackerProject project,
    string bot,
    IDistGit distGit,
    GitClient git,
    IKojiPackageBlocks koji)
{
    /// <summary>The close status of a processed ticket, the first one the tracker has.</summary>
    public static IReadOnlyList<string> CloseStatuses { get; } = ["Processed", "Fixed"];

    /// <summary>How the names of the steps that only answer commands begin.</summary>
    public const string AnswerPrefix = CommandAnswers.StepPrefix;

    /// <summary>Says what the ticket must say, unless the same was asked and no retry waits for an answer.</summary>
    public Step AskForInfo(Ticket ticket, IReadOnlyList<string> problems, string hash, IReadOnlyList<BotCommand> retries) =>
        project.Comment("comment: what the ticket must say", ticket.Id, current =>
        {
            var pending = current.NotYetAnswered(bot, retries.Select(r => r.CommentId));
            return current.LatestMarked(bot, UnretireComments.NeedsInfoKind)?.Marker[UnretireReport.HashField] == hash && pending.Count == 0
                ? TicketCommentDraft.AlreadyPosted("already asked")
                : TicketCommentDraft.Post(UnretireComments.NeedsInfo(problems, bot, pending), ticket.Url);
        });

    /// <summary>Posts the report, unless the same facts are posted and no retry waits for an answer.</summary>
    public Step Report(Ticket ticket, UnretireFacts facts, UnretireAssessment assessment, string hash, IReadOnlyList<BotCommand> retries) =>
        project.Comment("comment: unretirement report", ticket.Id, current =>
        {
            var last = current.LatestMarked(bot, UnretireReport.MarkerKind);
            var pending = current.NotYetAnswered(bot, retries.Select(r => r.CommentId));
            return last?.Marker[UnretireReport.HashField] == hash && pending.Count == 0
                ? TicketCommentDraft.AlreadyPosted("the same report is already posted")
                : TicketCommentDraft.Post(UnretireReport.Render(facts, assessment, options.Phase, last?.Marker, pending), $"report {hash}");
        });

    /// <summary>One comment answering every <c>help</c> and refused <c>retry</c> (<see cref="CommandAnswers"/>); none when there are none.</summary>
    public IEnumerable<Step> Help(Ticket ticket, UnretireCommandAnswers commands)
    {
        var replies = commands.Help.Select(CommandReply.Help)
            .Concat(commands.DeniedRetries.Select(c => new CommandReply(c, UnretireComments.RetryRefused(options.RelengGroup))))
            .ToList();
        if (CommandAnswers.Step(project, ticket, bot, UnretireComments.HelpKind, replies, UnretireComments.HelpText(bot, options.RelengGroup)) is { } step)
        {
            yield return step;
        }
    }

    /// <summary>Unretires: the steps left to do, judged from what planning saw; each re-checks when it runs.</summary>
    public IEnumerable<Step> Process(Ticket ticket, UnretireFacts facts)
    {
        var request = facts.Request;
        var progress = new UnretireProgress();
        var done = ticket.LatestMarked(bot, UnretireComments.DoneKind) is not null;
        var existing = facts.Branches.Where(b => b.Exists).Select(b => b.Branch).ToList();
        if (facts.Retired.Any() || !done)
        {
            yield return Revert(ticket, request, existing, progress);
        }
        var tags = facts.Branches.Where(b => b is { KojiTag: not null, KojiBlocked: not null }).Select(b => (Tag: b.KojiTag!, Blocked: b.KojiBlocked!.Value))
            .Distinct().ToList();
        foreach (var (tag, blocked) in tags)
        {
            if (!blocked && done)
            {
                continue;
            }
            yield return Unblock(request, tag, progress);
        }
        if (facts.Project is { IsOrphaned: true })
        {
            yield return GiveToRecipient(request, progress);
        }
        if (!done)
        {
            yield return project.CommentUnlessMarked("comment: unretired, with links", ticket.Id, bot, UnretireComments.DoneKind,
                () => UnretireComments.Done(facts, progress), alreadyPosted: "already announced", done: ticket.Url);
        }
        yield return project.CloseAsFirstOf("close as processed", ticket.Id, [.. CloseStatuses]);
    }

    private Step Revert(Ticket ticket, UnretireRequest request, IReadOnlyList<string> branches, UnretireProgress progress) =>
        new($"revert dead.package on {string.Join(", ", branches)}", async ct =>
        {
            IReadOnlyList<BranchRevert> reverts;
            try
            {
                await using var copy = await git.CloneAsync(request.Repo, ct);
                reverts = await copy.RevertRetirementAsync(branches, ticket.Url, ct);
            }
            catch (GitCommandException) when (!ct.IsCancellationRequested)
            {
                // The push lost a race (another run moved the branch first): look again from a fresh copy, where a
                // retirement the other run reverted reads as already reverted.
                await using var fresh = await git.CloneAsync(request.Repo, ct);
                reverts = await fresh.RevertRetirementAsync(branches, ticket.Url, ct);
            }
            progress.Reverts.AddRange(reverts);
            if (reverts.FirstOrDefault(r => r.Status == RevertStatus.Refused) is { } refused)
            {
                throw new InvalidOperationException(refused.Detail);
            }
            var detail = string.Join("; ", reverts.Select(r => r.Detail));
            return reverts.All(r => r.Status == RevertStatus.AlreadyReverted) ? StepResult.AlreadyDone(detail) : StepResult.Done(detail);
        });

    private Step Unblock(UnretireRequest request, string tag, UnretireProgress progress) =>
        new($"unblock {request.Repo.Name} in Koji tag {tag}", async ct =>
        {
            var unblocked = await koji.UnblockAsync(tag, request.Repo.Name, ct);
            progress.Unblocked.Add((tag, unblocked));
            return unblocked ? StepResult.Done($"unblocked in {tag}") : StepResult.AlreadyDone($"not blocked in {tag}");
        });

    private Step GiveToRecipient(UnretireRequest request, UnretireProgress progress) =>
        new($"give {request.Repo} to {request.Recipient} (main_admin)", async ct =>
        {
            var current = await distGit.GetProjectAsync(request.Repo, ct)
                ?? throw new InvalidOperationException($"{request.Repo} disappeared from dist-git");
            if (current.Owner == request.Recipient)
            {
                progress.NewMainAdmin = request.Recipient;
                return StepResult.AlreadyDone($"main admin is already {request.Recipient}");
            }
            if (!current.IsOrphaned)
            {
                return StepResult.AlreadyDone($"no longer orphaned (main admin: {current.Owner})");
            }
            await distGit.SetMainAdminAsync(request.Repo, request.Recipient, ct);
            progress.NewMainAdmin = request.Recipient;
            return StepResult.Done($"main admin {request.Recipient}");
        });
}

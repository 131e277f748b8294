namespace Releng.Jobs.Tickets;

/// <summary>
/// The decision names every ticket job shares. Each job's own list (<c>ScmDecisionKinds</c>,
/// <c>UnretireDecisionKinds</c>) repeats these beside its own, so a plan reads the same whichever job wrote it.
/// </summary>
public static class TicketDecisionKinds
{
    /// <summary>Nothing to write: the ticket is closed, not for this job, or already handled.</summary>
    public const string NothingToDo = "nothing-to-do";

    /// <summary>A person has to handle the ticket; the job writes nothing on a guess.</summary>
    public const string NeedsHuman = "needs-human";

    /// <summary>The ticket could not be read or checked; the next run looks again.</summary>
    public const string Error = "error";

    /// <summary>Only commands are answered (help, a <c>valid</c> or <c>retry</c> that cannot be honoured), in one comment.</summary>
    public const string AnswerCommands = "answer-commands";

    /// <summary>About the run rather than a ticket (the token's account is not the configured bot).</summary>
    public const string Warning = "warning";
}

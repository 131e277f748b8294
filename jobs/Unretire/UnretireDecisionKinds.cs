using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>The decisions the unretire job takes about a ticket, as shown in the plan and the audit.</summary>
public static class UnretireDecisionKinds
{
    /// <summary>Every check passes and the phase allows it: revert, unblock, give, comment, close.</summary>
    public const string Process = "process";

    /// <summary>An earlier run reverted every branch: finish the steps that are left.</summary>
    public const string Finish = "finish";

    /// <summary>A check fails: the report says why and the ticket stays open for releng.</summary>
    public const string Refuse = "refuse";

    /// <summary>The ticket cannot be read, or names no review bug where one is needed.</summary>
    public const string AskForInfo = "ask-for-info";

    /// <summary>Post the report only (the phase does not process this ticket).</summary>
    public const string Report = "report";

    /// <summary>Only command answers to post.</summary>
    public const string AnswerHelp = TicketDecisionKinds.AnswerCommands;

    public const string NothingToDo = TicketDecisionKinds.NothingToDo;
    public const string NeedsHuman = TicketDecisionKinds.NeedsHuman;
    public const string Error = TicketDecisionKinds.Error;
    public const string Warning = TicketDecisionKinds.Warning;
}

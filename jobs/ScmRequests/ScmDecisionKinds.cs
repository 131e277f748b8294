using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>The decisions the job takes about a ticket, as shown in the plan and the audit.</summary>
public static class ScmDecisionKinds
{
    public const string CreateRepo = "create-repo";
    public const string CreateBranch = "create-branch";
    public const string Invalid = "invalid";
    public const string NeedsHuman = TicketDecisionKinds.NeedsHuman;
    public const string AwaitValid = "await-valid";
    public const string AnswerCommands = TicketDecisionKinds.AnswerCommands;
    public const string NothingToDo = TicketDecisionKinds.NothingToDo;
    public const string Error = TicketDecisionKinds.Error;

    /// <summary>About the run rather than a ticket (the token's account is not the configured bot).</summary>
    public const string Warning = TicketDecisionKinds.Warning;
}

namespace Releng.Jobs.ScmRequests;

/// <summary>The decisions the job takes about a ticket, as shown in the plan and the audit.</summary>
public static class ScmDecisionKinds
{
    public const string CreateRepo = "create-repo";
    public const string CreateBranch = "create-branch";
    public const string Invalid = "invalid";
    public const string NeedsHuman = "needs-human";
    public const string AwaitValid = "await-valid";
    public const string AnswerHelp = "answer-help";
    public const string RefuseValid = "refuse-valid";
    public const string NothingToDo = "nothing-to-do";
    public const string Error = "error";

    /// <summary>About the run rather than a ticket (the token's account is not the configured bot).</summary>
    public const string Warning = "warning";
}

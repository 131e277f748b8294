namespace Releng.Jobs.Tickets;

/// <summary>
/// What the bot says to one command comment, in <see cref="CommandAnswers"/>' one combined comment: the sentence
/// for its author, without the author's name (replies with the same sentence are grouped), and whether it is a
/// <c>help</c> (the combined comment then ends with the job's help text).
/// </summary>
public sealed record CommandReply(BotCommand Command, string Answer, bool IsHelp = false)
{
    /// <summary>The reply to <c>help</c>: the commands are explained at the end of the comment.</summary>
    public static CommandReply Help(BotCommand command) => new(command, "the commands are explained below.", IsHelp: true);
}

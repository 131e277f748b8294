using Releng.Jobs.Accounts;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Unretire;

/// <summary>
/// The bot commands on a ticket that no bot comment has answered yet. A <c>retry</c> from the requester or a
/// member of the releng group forces a fresh report (which answers it); <c>help</c>, and a <c>retry</c> from
/// anyone else, get one help comment answering them all (<see cref="UnretireSteps.Help"/>). A <c>retry</c> from
/// someone else while the account directory cannot say whether they are in releng waits unanswered.
/// </summary>
public sealed class UnretireCommandAnswers
{
    private UnretireCommandAnswers(IReadOnlyList<BotCommand> retries, IReadOnlyList<BotCommand> help, IReadOnlyList<BotCommand> deniedRetries)
    {
        Retries = retries;
        Help = help;
        DeniedRetries = deniedRetries;
    }

    public static async Task<UnretireCommandAnswers> ReadAsync(
        Ticket ticket, string bot, Func<string, CancellationToken, Task<bool>> isReleng, CancellationToken cancellationToken)
    {
        var unanswered = BotCommands.Unanswered(ticket, bot);
        var retries = new List<BotCommand>();
        var denied = new List<BotCommand>();
        var help = unanswered.Where(c => c.Kind == BotCommandKind.Help).ToList();
        foreach (var retry in unanswered.Where(c => c.Kind == BotCommandKind.Retry))
        {
            if (retry.Author == ticket.Author)
            {
                retries.Add(retry);
                continue;
            }
            bool releng;
            try
            {
                releng = await isReleng(retry.Author, cancellationToken);
            }
            catch (AccountDirectoryUnavailableException)
            {
                // Whether they may ask cannot be told now: neither honoured nor refused; a later run answers it.
                continue;
            }
            if (releng)
            {
                retries.Add(retry);
            }
            else if (!help.Any(h => h.CommentId == retry.CommentId))
            {
                denied.Add(retry);
            }
        }
        return new UnretireCommandAnswers(retries, help, denied);
    }

    /// <summary>Retries the job honours: each forces a fresh report or request for information.</summary>
    public IReadOnlyList<BotCommand> Retries { get; }

    public IReadOnlyList<BotCommand> Help { get; }

    /// <summary>Retries from someone who may not ask for one; the help comment says who may.</summary>
    public IReadOnlyList<BotCommand> DeniedRetries { get; }
}

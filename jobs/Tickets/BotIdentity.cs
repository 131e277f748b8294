namespace Releng.Jobs.Tickets;

/// <summary>
/// Who the bot is for one run: with a token, the token's account (it is the one that writes, and whose marked
/// comments are the job's state); without one (a plan-only run), the job's <c>bot</c> parameter.
/// </summary>
/// <param name="Name">The bot's account.</param>
/// <param name="Warning">Set when the token's account is not the configured bot.</param>
public sealed record BotIdentity(string Name, string? Warning)
{
    public static async Task<BotIdentity> ResolveAsync(ITicketTracker tracker, string configuredBot, CancellationToken cancellationToken)
    {
        var authenticated = await tracker.AuthenticatedUserAsync(cancellationToken);
        if (authenticated is null || string.Equals(authenticated, configuredBot, StringComparison.Ordinal))
        {
            return new BotIdentity(authenticated ?? configuredBot, null);
        }
        return new BotIdentity(authenticated,
            $"the tracker token belongs to @{authenticated}, not to the configured bot @{configuredBot}; acting as @{authenticated}");
    }
}

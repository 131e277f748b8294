namespace Releng.Jobs.Tickets;

/// <summary>The commands people give the bot in a comment (<c>@releng-bot retry</c>), as the toddlers bot knew them.</summary>
public enum BotCommandKind
{
    /// <summary>Try the failed request again.</summary>
    Retry,
    /// <summary>Explain the commands.</summary>
    Help,
    /// <summary>An authorized person confirms a request that skipped a check; the job verifies who said it.</summary>
    Valid,
}

namespace Releng.Jobs.Unretire;

/// <summary>How far the unretire job goes; each phase includes the previous one.</summary>
public enum UnretirePhase
{
    /// <summary>Check every ticket and post the report; change nothing else.</summary>
    Report,

    /// <summary>Also unretire packages retired at most 8 weeks ago when every check passes.</summary>
    Recent,

    /// <summary>Also unretire older packages whose review bug passes every rule.</summary>
    All,
}

public static class UnretirePhases
{
    /// <summary>The phase named by <paramref name="text"/> (any case), or null.</summary>
    public static UnretirePhase? TryParse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "report" => UnretirePhase.Report,
        "recent" => UnretirePhase.Recent,
        "all" => UnretirePhase.All,
        _ => null,
    };

    public static UnretirePhase Parse(string text) =>
        TryParse(text) ?? throw new ArgumentException($"unknown phase '{text}'; expected report, recent or all", nameof(text));
}

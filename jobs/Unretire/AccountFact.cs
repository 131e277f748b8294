using Releng.Jobs.Accounts;

namespace Releng.Jobs.Unretire;

/// <summary>
/// What the account directory said about one user: the account, or none (<see cref="Account"/> null: no such
/// account), or nothing at all (<see cref="UnknownBecause"/> set: the directory could not answer). "Unknown" is kept
/// apart from "no account", so a job never refuses or acts on a guess about who someone is.
/// </summary>
public sealed record AccountFact(FedoraAccount? Account, string? UnknownBecause = null)
{
    public static AccountFact Unknown(string because) => new(null, because);

    public bool IsKnown => UnknownBecause is null;

    /// <summary>Known to be in the <c>packager</c> group.</summary>
    public bool IsPackager => Account is { IsPackager: true };
}

namespace Releng.Jobs.DistGit;

/// <summary>
/// The commit that retired a branch: the last commit that added <c>dead.package</c> to it. Its date is the
/// retirement date the re-review rule counts from; <see cref="IsHead"/> says whether a plain revert is safe.
/// </summary>
/// <param name="AuthorDate">
/// Read from git, the author date. Read through dist-git's API (a retirement at the head), the committer date, the only
/// time the commit patch gives; for a retirement committed as written the two are the same.
/// </param>
/// <param name="Author"><c>name &lt;email&gt;</c>, from git or from the commit patch.</param>
/// <param name="Reason">The text of <c>dead.package</c> at the branch head.</param>
/// <param name="CommitsAfter">How many commits the branch has on top of the retirement (0 when it is the head).</param>
public sealed record RetirementCommit(
    string Branch,
    string Hash,
    DateTimeOffset AuthorDate,
    string Author,
    string Message,
    string Head,
    int CommitsAfter,
    string Reason)
{
    public bool IsHead => CommitsAfter == 0 && Hash == Head;

    /// <summary>The first line of the commit message.</summary>
    public string Subject => Message.Split('\n', 2)[0].Trim();
}

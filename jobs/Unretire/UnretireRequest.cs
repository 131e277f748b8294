using Releng.Jobs.DistGit;

namespace Releng.Jobs.Unretire;

/// <summary>
/// What an unretirement ticket asks for, every name already validated (<see cref="DistGitName"/>).
/// <see cref="Requester"/> is the ticket's author (the review bug must be theirs); <see cref="Recipient"/> is who
/// gets an orphaned package: the user the ticket names (<c>fedpkg request-unretirement --user</c>) or the requester.
/// <see cref="Reading"/> says what the parser understood and from where (for the plan).
/// </summary>
public sealed record UnretireRequest(
    DistGitRepo Repo,
    IReadOnlyList<string> Branches,
    int? ReviewBug,
    string Requester,
    string Recipient,
    string? Reading = null)
{
    /// <summary>Which of the accepted forms the ticket was read in (docs/jobs/unretire.md lists them); the plan says it.</summary>
    public string Form { get; init; } = UnretireRequestForms.FreeText;
}

/// <summary>The parser's answer: the request, or what the ticket must say before the job can check it.</summary>
public sealed record UnretireTicketParse(UnretireRequest? Request, IReadOnlyList<string> Problems)
{
    public bool IsParsed => Request is not null;
}

using Releng.Jobs.DistGit;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// A parsed and name-checked SCM request. Every name in it already passed <see cref="DistGitName"/>, so it may go
/// into a URL or a git argument. <see cref="BugId"/> is null when the ticket gave none (<c>""</c>).
/// </summary>
public sealed record ScmRequest(
    ScmAction Action,
    DistGitRepo Repo,
    string Branch,
    int? BugId = null,
    bool Exception = false,
    string? Monitor = null,
    bool InitialCommit = true,
    string? Description = null,
    string? Summary = null,
    string? UpstreamUrl = null)
{
    /// <summary>The branches a new repository gets anyway; asking for one of them asks for no extra branch.</summary>
    public static IReadOnlyList<string> DefaultBranchNames { get; } = ["rawhide", "master", "main"];

    /// <summary>The branch to create besides the default one, for a new repository; null when none.</summary>
    public string? ExtraBranch => Action == ScmAction.NewRepo && !DefaultBranchNames.Contains(Branch) ? Branch : null;
}

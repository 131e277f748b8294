using System.Globalization;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// The sentences the job posts on SCM request tickets. Where fedscm-admin or the toddler had a sentence, it is kept
/// word for word (packagers and tools such as fbrnch grep for them); the rest follow their style.
/// </summary>
public static class ScmMessages
{
    public const string InvalidBody = "Invalid ticket body";

    /// <summary>fedscm-admin's "Invalid ticket body", saying what is wrong.</summary>
    public static string InvalidBodyBecause(string reason) => $"{InvalidBody}: {reason}";

    public const string InvalidRepositoryName =
        "The repository name is invalid. It must be at least two characters long with only letters, numbers, hyphens, " +
        "underscores, plus signs, and/or periods. Please note that the project cannot start with a period or a plus sign.";

    public const string ProjectExists = "The Pagure project already exists";

    public const string ProjectMissing = "The Pagure repo does not exist";

    public const string RepositoryNotInitialized = "The git repository is not initialized. The git branch can't be created.";

    public static string BranchCreated(string branch) =>
        $"The branch {Shown(branch)} was created in git. It may take up to 10 minutes before you have write access on the branch.";

    /// <summary>Said once, right before the branch is created (the bot's record that this ticket's run creates it).</summary>
    public static string CreatingBranch(string branch, string repo) =>
        $"Creating the branch {Shown(branch)} in {repo} for this request.";

    public static string MissingField(string field) => $"Invalid body, missing required field: {field}";

    public static string InvalidNamespace(string value) =>
        $"The namespace {Shown(value)} is invalid. It must be one of: {string.Join(", ", DistGit.DistGitName.Namespaces)}";

    public static string InvalidBranchName(string value) =>
        $"The branch name {Shown(value)} is invalid: {DistGit.BranchName.Problem(value) ?? "it is not a branch name"}";

    public static string InvalidMonitor(string value) => $"The monitor choice of {Shown(value)} is invalid";

    public static string NeedsDistGitLogin(string user, Uri distGit) =>
        $"@{user} needs to login to {distGit.GetLeftPart(UriPartial.Authority)} to sync accounts before we can proceed.";

    public static string RepositoryCreated(Uri project) => $"The Pagure repository was created at {project}";

    public static string RepositoryCreatedWithBranch(Uri project, string branch) =>
        $"The Pagure repository was created at {project}. You may commit to the branch {Shown(branch)} in about 10 minutes.";

    public static string BranchExists(string branch, string repo) => $"The branch {Shown(branch)} already exists in {repo}";

    public static string NotAStandardBranch(string branch) =>
        $"The branch {Shown(branch)} looks like a release branch but is not one that can be requested";

    public static string PlaygroundBranch(string branch) => $"The branch {Shown(branch)} can no longer be requested";

    public static string EpelOnlyForRpms(string branch, string @namespace) =>
        $"The EPEL branch {Shown(branch)} can only be requested for the rpms namespace, not for {Shown(@namespace)}";

    public static string EpelNextNeedsEpel(string branch, string baseBranch) =>
        $"The branch {Shown(branch)} can only be requested once the branch {Shown(baseBranch)} exists";

    public static string Retired(string repo, string branch) =>
        $"The package {repo} is retired on {branch}; request its unretirement first";

    public static string NoBranchRights(string user, string repo, string branch) =>
        $"@{user} is not an admin, committer or collaborator allowed on {Shown(branch)} of {repo}, so they cannot request this branch. " +
        "Please ask one of the package's maintainers to request it.";

    public static string ProvenpackagerEpel(string user, string branch) =>
        $"@{user} has commit access only as a provenpackager, and provenpackagers may not request EPEL branches such as {Shown(branch)}. " +
        "Please ask one of the package's maintainers to request it.";

    public static string InvalidRequester(string user) => $"The requester {Shown(user)} is not a valid Fedora account name";

    /// <summary>The toddler's ping when a request skips Bugzilla validation.</summary>
    public static string ValidationPing(IEnumerable<string> approvers, string bot) =>
        $"This request wants to skip bugzilla validation! {string.Join(" ", approvers.Select(a => "@" + a))} could you check if this is correct? " +
        $"If yes, please respond to this ticket with '@{bot} valid' comment";

    /// <summary>The answer to <c>valid</c> from someone who is not an approver (in the run's one answer to commands).</summary>
    public static string ValidRefused(string bot) =>
        $"may not validate this request: only the Release Engineering approvers can answer `@{bot} valid`.";

    /// <summary>The answer to <c>valid</c> on a request that needs no validation.</summary>
    public const string ValidNotNeeded = "thank you, but this request does not need a manual validation; it is processed automatically.";

    public static string Help(string bot) => string.Create(CultureInfo.InvariantCulture, $"""
        I process new repository and new branch requests. Commands (one per line, at the start of a comment):

        * `@{bot} help` shows this text.
        * `@{bot} retry` checks the request again, e.g. after you logged in to dist-git.
        * `@{bot} valid` confirms a request that skips the Bugzilla review (Release Engineering approvers only).

        Requests are checked on every run; invalid requests are closed with the reason.
        """);

    /// <summary>Several failed rules as one comment, one per line (a single rule stays a plain sentence).</summary>
    public static string Problems(IReadOnlyList<string> problems) =>
        problems.Count == 1 ? problems[0] : string.Join("\n", problems.Select(p => "* " + p));

    /// <summary>Ticket text quoted back, through the one safe-echo renderer (a code span, hidden characters shown).</summary>
    public static string Shown(string value) => SafeEcho.Name(value);
}

using System.Text.RegularExpressions;

namespace Releng.Jobs.DistGit;

/// <summary>
/// The name rules for everything a ticket can put into a dist-git URL or a git command line: namespaces, repository
/// names, branches, user names and commit hashes. Ticket text is untrusted, so a name is checked here before it
/// reaches an API path or a <c>git</c> argument; a name that fails is refused, never cleaned up.
/// </summary>
public static partial class DistGitName
{
    /// <summary>The namespaces src.fedoraproject.org serves.</summary>
    public static IReadOnlyList<string> Namespaces { get; } = ["rpms", "container", "modules", "flatpaks", "tests", "test-modules"];

    /// <summary>
    /// The SCM-request rule for repository names (fedscm-admin): letters, digits, <c>-_.+</c>, not starting with a
    /// period, plus or hyphen, and at most 64 characters (the Bugzilla component limit).
    /// </summary>
    public const int MaxRepositoryLength = 64;

    public const int MaxBranchLength = BranchName.MaxLength;

    // Every pattern ends in \z, not $: in .NET "$" also matches before a final newline, and "rawhide\n" must fail.

    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9\-_.+]*\z")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9.\-_]*\z")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"^[0-9a-f]{7,64}\z")]
    private static partial Regex CommitPattern();

    public static bool IsNamespace(string? value) => value is not null && Namespaces.Contains(value, StringComparer.Ordinal);

    public static bool IsRepository(string? value) =>
        value is { Length: > 0 and <= MaxRepositoryLength } && RepositoryPattern().IsMatch(value) && !value.EndsWith(".git", StringComparison.Ordinal);

    /// <summary>A branch name git, dist-git and Koji take unambiguously: <see cref="BranchName"/>'s rule.</summary>
    public static bool IsBranch(string? value) => BranchName.IsValid(value);

    public static bool IsUser(string? value) => value is { Length: > 0 and <= 64 } && UserPattern().IsMatch(value);

    /// <summary>A full or abbreviated lower-case hexadecimal commit hash (SHA-1 or SHA-256).</summary>
    public static bool IsCommit(string? value) => value is not null && CommitPattern().IsMatch(value);

    public static string Namespace(string? value) => IsNamespace(value)
        ? value!
        : throw new DistGitNameException("namespace", value, $"expected one of {string.Join(", ", Namespaces)}");

    public static string Repository(string? value) => IsRepository(value)
        ? value!
        : throw new DistGitNameException("repository name", value,
            $"expected at most {MaxRepositoryLength} letters, digits, '-', '_', '.', '+', not starting with '.', '+' or '-'");

    public static string Branch(string? value) => BranchName.Problem(value) is { } problem
        ? throw new DistGitNameException("branch", value, problem)
        : value!;

    public static string User(string? value) => IsUser(value)
        ? value!
        : throw new DistGitNameException("user name", value, "expected letters, digits, '.', '-', '_'");

    public static string Commit(string? value) => IsCommit(value)
        ? value!
        : throw new DistGitNameException("commit", value, "expected a lower-case hexadecimal hash");
}

using System.Text;
using System.Text.RegularExpressions;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.DistGit;

/// <summary>
/// The one rule for a branch name from a ticket before it reaches git, a dist-git URL or a Koji lookup: git's ref
/// rules for one branch component (<c>git check-ref-format --branch</c>: no <c>..</c>, <c>@{</c>, <c>~^:?*[\</c>,
/// space, control character, trailing <c>.lock</c>, <c>.</c> or <c>/</c>), plus what git accepts but makes
/// ambiguous (<c>HEAD</c> and the other <c>*_HEAD</c> names, a name that reads as a commit hash, a leading
/// <c>-</c> that reads as an option, a <c>refs/</c> prefix), and dist-git's character set for branches (letters,
/// digits, <c>. - _ +</c>, ASCII only: the module-branch rule of the SCM requests, which covers every Fedora
/// pattern: <c>rawhide</c>, <c>fNN</c>, <c>epelN</c>, <c>epelN.M</c>, <c>epelN-next</c>, <c>eln</c>).
/// <see cref="Problem"/> says what is wrong in the requester's words.
/// </summary>
public static partial class BranchName
{
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="value"/> cannot be a branch, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }
        if (value.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }
        foreach (var rune in value.EnumerateRunes())
        {
            if (!rune.IsAscii || Rune.IsControl(rune))
            {
                return $"it contains the character U+{rune.Value:X4}; only ASCII letters, digits, `.`, `-`, `_` and `+` are allowed";
            }
        }
        if (value.Contains(' ', StringComparison.Ordinal))
        {
            return "it contains a space";
        }
        if (value.StartsWith("refs/", StringComparison.Ordinal))
        {
            return "it starts with `refs/`; give the branch name alone";
        }
        if (value.StartsWith('-'))
        {
            return "it starts with `-`, which git would read as an option";
        }
        if (value.StartsWith('.'))
        {
            return "it starts with `.`";
        }
        if (value.Contains("..", StringComparison.Ordinal))
        {
            return "it contains `..`";
        }
        if (value.Contains("@{", StringComparison.Ordinal) || value == "@")
        {
            return "it contains `@{` (or is `@`), which git reads as a revision";
        }
        if (GitSpecial().Match(value) is { Success: true } special)
        {
            return $"it contains {SafeEcho.Code(special.Value)}, which git does not allow in a branch name";
        }
        if (value.EndsWith(".lock", StringComparison.Ordinal))
        {
            return "it ends with `.lock`";
        }
        if (value.EndsWith('.') || value.EndsWith('/'))
        {
            return $"it ends with `{value[^1]}`";
        }
        if (value.Contains('/', StringComparison.Ordinal))
        {
            return "it contains `/`; dist-git branches are a single name";
        }
        if (GitReserved().IsMatch(value))
        {
            return $"{SafeEcho.Code(value)} is a name git reserves for its own references";
        }
        if (CommitLike().IsMatch(value))
        {
            return "it reads as a commit hash";
        }
        if (!Allowed().IsMatch(value))
        {
            return "only letters, digits, `.`, `-`, `_` and `+` are allowed, starting with a letter, a digit or `_`";
        }
        return null;
    }

    public static bool IsValid(string? value) => Problem(value) is null;

    /// <summary>
    /// The standard branches, the toddler's <c>branch_slas</c> keys: rawhide, main, eln, fNN, epel8/9 and their
    /// <c>-next</c>, epel10 and epel10.N. Anything else is a non-standard branch.
    /// </summary>
    public static bool IsStandard(string branch) => Standard().IsMatch(branch);

    /// <summary>A name in the release namespaces (<c>f</c>, <c>fc</c>, <c>el</c>, <c>epel</c>, <c>rhel</c> + digit) that is not a standard branch.</summary>
    public static bool LooksLikeRelease(string branch) => !IsStandard(branch) && ReleaseLike().IsMatch(branch);

    [GeneratedRegex(@"[~^:?*\[\\]")]
    private static partial Regex GitSpecial();

    [GeneratedRegex(@"^(?:(?i:head)|[A-Z_]+_HEAD|AUTO_MERGE)\z")]
    private static partial Regex GitReserved();

    [GeneratedRegex(@"^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})\z")]
    private static partial Regex CommitLike();

    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9.\-_+]*\z")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"^(?:rawhide|main|eln|f[1-9][0-9]|epel(?:8|9)(?:-next)?|epel10(?:\.[0-9])?)\z")]
    private static partial Regex Standard();

    [GeneratedRegex(@"^(?:f|fc|el|epel|rhel|olpc)[0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseLike();
}

using System.Text.RegularExpressions;

namespace Releng.Jobs.ScmRequests;

/// <summary>
/// Which branch names a request may ask for. The standard branches are the toddler's <c>branch_slas</c> keys
/// (rawhide, main, eln, fNN, epel8/9/10 with their <c>-next</c> and <c>epel10.N</c> forms); any other valid name is a
/// non-standard branch, unless it only looks like a release (<c>f99x</c>, <c>el9</c>, <c>epel7-playground</c>).
/// </summary>
public static partial class ScmBranches
{
    public static bool IsStandard(string branch) => DistGit.BranchName.IsStandard(branch);

    /// <summary><c>epel9</c>, <c>epel9-next</c>, <c>epel10.1</c>, <c>el6</c>: the branches provenpackagers may not request.</summary>
    public static bool IsEpel(string branch) => branch.StartsWith("epel", StringComparison.Ordinal) || OldEl().IsMatch(branch);

    public static bool IsPlayground(string branch) => branch.EndsWith("-playground", StringComparison.Ordinal) && IsEpel(branch);

    /// <summary>For <c>epel9-next</c>: <c>epel9</c>; otherwise null.</summary>
    public static string? NextBase(string branch) => EpelNext().Match(branch) is { Success: true } match ? match.Groups["base"].Value : null;

    /// <summary>A name in the release namespaces (<c>f</c>, <c>fc</c>, <c>el</c>, <c>epel</c>, <c>rhel</c> + digit) that is not a standard branch.</summary>
    public static bool LooksLikeRelease(string branch) => DistGit.BranchName.LooksLikeRelease(branch);

    [GeneratedRegex(@"^el[0-9]+\z")]
    private static partial Regex OldEl();

    [GeneratedRegex(@"^(?<base>epel[0-9]+)-next\z")]
    private static partial Regex EpelNext();
}

using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>The one branch-name rule: git's ref rules, what git makes ambiguous, and dist-git's character set.</summary>
public sealed class BranchNameTests
{
    [Theory]
    [InlineData("rawhide")]
    [InlineData("main")]
    [InlineData("eln")]
    [InlineData("f43")]
    [InlineData("epel9")]
    [InlineData("epel9-next")]
    [InlineData("epel10")]
    [InlineData("epel10.1")]
    [InlineData("1.2")]
    [InlineData("feature_x+y")]
    [InlineData("stream-1.0")]
    public void Fedora_and_module_style_branch_names_are_accepted(string branch) =>
        Assert.Null(BranchName.Problem(branch));

    [Theory]
    [InlineData("HEAD", "`HEAD` is a name git reserves for its own references")]
    [InlineData("head", "`head` is a name git reserves for its own references")]
    [InlineData("FETCH_HEAD", "`FETCH_HEAD` is a name git reserves for its own references")]
    [InlineData("ORIG_HEAD", "`ORIG_HEAD` is a name git reserves for its own references")]
    [InlineData("-f", "it starts with `-`, which git would read as an option")]
    [InlineData("--upload-pack=evil", "it starts with `-`, which git would read as an option")]
    [InlineData("refs/heads/f43", "it starts with `refs/`; give the branch name alone")]
    [InlineData("f43..f44", "it contains `..`")]
    [InlineData("f43@{1}", "it contains `@{` (or is `@`), which git reads as a revision")]
    [InlineData("@", "it contains `@{` (or is `@`), which git reads as a revision")]
    [InlineData("f43.lock", "it ends with `.lock`")]
    [InlineData("f43.", "it ends with `.`")]
    [InlineData("f43/", "it ends with `/`")]
    [InlineData("a/b", "it contains `/`; dist-git branches are a single name")]
    [InlineData(".hidden", "it starts with `.`")]
    [InlineData("f43 f44", "it contains a space")]
    [InlineData("f43~1", "it contains `~`, which git does not allow in a branch name")]
    [InlineData("f43^", "it contains `^`, which git does not allow in a branch name")]
    [InlineData("a:b", "it contains `:`, which git does not allow in a branch name")]
    [InlineData("a?b", "it contains `?`, which git does not allow in a branch name")]
    [InlineData("a*b", "it contains `*`, which git does not allow in a branch name")]
    [InlineData("a[b", "it contains `[`, which git does not allow in a branch name")]
    [InlineData("a\\b", "it contains `\\`, which git does not allow in a branch name")]
    [InlineData("f43\n", "it contains the character U+000A; only ASCII letters, digits, `.`, `-`, `_` and `+` are allowed")]
    [InlineData("f4\u200B3", "it contains the character U+200B; only ASCII letters, digits, `.`, `-`, `_` and `+` are allowed")]
    [InlineData("f43é", "it contains the character U+00E9; only ASCII letters, digits, `.`, `-`, `_` and `+` are allowed")]
    [InlineData("\u0435pel9", "it contains the character U+0435; only ASCII letters, digits, `.`, `-`, `_` and `+` are allowed")]
    [InlineData("0123456789abcdef0123456789abcdef01234567", "it reads as a commit hash")]
    [InlineData("f43;id", "only letters, digits, `.`, `-`, `_` and `+` are allowed, starting with a letter, a digit or `_`")]
    [InlineData("$(id)", "only letters, digits, `.`, `-`, `_` and `+` are allowed, starting with a letter, a digit or `_`")]
    [InlineData("", "it is empty")]
    public void Names_git_refuses_or_reads_ambiguously_are_refused_with_what_is_wrong(string branch, string problem) =>
        Assert.Equal(problem, BranchName.Problem(branch));

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Assert.Equal($"it is longer than {BranchName.MaxLength} characters", BranchName.Problem(new string('a', BranchName.MaxLength + 1)));

    [Fact]
    public void Every_place_that_takes_a_branch_uses_the_same_rule()
    {
        Assert.False(DistGitName.IsBranch("HEAD"));
        var error = Assert.Throws<DistGitNameException>(() => DistGitName.Branch("HEAD"));
        Assert.Equal("invalid branch `HEAD`: `HEAD` is a name git reserves for its own references", error.Message);
        Assert.Throws<DistGitNameException>(() => BranchOrigin.FromBranch("refs/heads/x"));
    }

    [Theory]
    [InlineData("rawhide", true)]
    [InlineData("f43", true)]
    [InlineData("epel9-next", true)]
    [InlineData("epel10.2", true)]
    [InlineData("eln", true)]
    [InlineData("epel7-playground", false)]
    [InlineData("feature", false)]
    public void Standard_branches_are_the_fedora_release_patterns(string branch, bool standard) =>
        Assert.Equal(standard, BranchName.IsStandard(branch));
}

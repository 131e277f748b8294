using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

public sealed class DistGitNameTests
{
    [Theory]
    [InlineData("rawhide")]
    [InlineData("f43")]
    [InlineData("epel10.1")]
    [InlineData("epel9-next")]
    [InlineData("stream-3.2_beta+1")]
    public void Fedora_branch_names_are_accepted(string branch) => Assert.True(DistGitName.IsBranch(branch));

    [Theory]
    [InlineData("")]
    [InlineData("../rawhide")]
    [InlineData("a..b")]
    [InlineData("rawhide\n")]
    [InlineData("raw hide")]
    [InlineData("f43;reboot")]
    [InlineData("-f")]
    [InlineData(".hidden")]
    [InlineData("heads/rawhide")]
    [InlineData("rawhide.lock")]
    [InlineData("rawhide.")]
    [InlineData("$(id)")]
    public void Branch_names_that_could_escape_a_ref_or_a_command_are_refused(string branch)
    {
        Assert.False(DistGitName.IsBranch(branch));
        var error = Assert.Throws<DistGitNameException>(() => DistGitName.Branch(branch));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("python-pyte")]
    [InlineData("perl-Foo-Bar")]
    [InlineData("libstdc++")]
    [InlineData("_x")]
    [InlineData("R")]
    public void Repository_names_of_the_scm_rules_are_accepted(string name) => Assert.True(DistGitName.IsRepository(name));

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("+plus")]
    [InlineData("-rf")]
    [InlineData("a b")]
    [InlineData("a;b")]
    [InlineData("a/b")]
    [InlineData("name\n")]
    [InlineData("python-pyte.git")]
    public void Repository_names_outside_the_scm_rules_are_refused(string name) => Assert.False(DistGitName.IsRepository(name));

    [Fact]
    public void Repository_names_longer_than_a_bugzilla_component_are_refused()
    {
        Assert.True(DistGitName.IsRepository(new string('a', 64)));
        Assert.False(DistGitName.IsRepository(new string('a', 65)));
    }

    [Theory]
    [InlineData("rpms/python-pyte", "rpms", "python-pyte")]
    [InlineData("container/fedora-toolbox", "container", "fedora-toolbox")]
    public void A_full_name_parses_into_namespace_and_name(string fullName, string ns, string name)
    {
        var repo = DistGitRepo.Parse(fullName);
        Assert.Equal(ns, repo.Namespace);
        Assert.Equal(name, repo.Name);
        Assert.Equal(fullName, repo.ToString());
    }

    [Theory]
    [InlineData("python-pyte")]
    [InlineData("rpms/../etc")]
    [InlineData("rpms/a/b")]
    [InlineData("../rpms/x")]
    [InlineData("srpms/x")]
    [InlineData("rpms/x y")]
    [InlineData("rpms/-x")]
    public void Anything_else_is_not_a_repository(string fullName)
    {
        Assert.Throws<DistGitNameException>(() => DistGitRepo.Parse(fullName));
        Assert.False(DistGitRepo.TryParse(fullName, out _));
    }

    [Fact]
    public void Commits_are_lower_case_hexadecimal_hashes()
    {
        Assert.True(DistGitName.IsCommit("0123abc"));
        Assert.True(DistGitName.IsCommit(new string('f', 40)));
        Assert.False(DistGitName.IsCommit("HEAD~1"));
        Assert.False(DistGitName.IsCommit("--all"));
        Assert.False(DistGitName.IsCommit("ABCDEF0"));
    }
}

namespace Releng.Jobs.DistGit;

/// <summary>The author and committer of the commits the jobs make, passed to git through the environment.</summary>
public sealed record GitIdentity(string Name, string Email)
{
    /// <summary>The identity of the unretirement SOP (<c>git config user.name/user.email</c> as releng).</summary>
    public static GitIdentity Releng { get; } = new("Fedora Release Engineering", "releng@fedoraproject.org");

    public override string ToString() => $"{Name} <{Email}>";
}

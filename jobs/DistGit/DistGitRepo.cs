namespace Releng.Jobs.DistGit;

/// <summary>
/// A dist-git repository, <c>namespace/name</c> (e.g. <c>rpms/python-pyte</c>). Both parts are validated on
/// construction, so a <see cref="DistGitRepo"/> is always safe to put into a URL path or a git remote.
/// </summary>
public sealed record DistGitRepo
{
    public DistGitRepo(string @namespace, string name)
    {
        Namespace = DistGitName.Namespace(@namespace);
        Name = DistGitName.Repository(name);
    }

    public string Namespace { get; }
    public string Name { get; }

    /// <summary><c>namespace/name</c>, the form used in titles, API paths and the sandbox scenario.</summary>
    public string FullName => $"{Namespace}/{Name}";

    /// <summary>Parses <c>namespace/name</c>; throws <see cref="DistGitNameException"/> on anything else.</summary>
    public static DistGitRepo Parse(string? fullName)
    {
        var parts = (fullName ?? "").Split('/');
        if (parts.Length != 2)
        {
            throw new DistGitNameException("repository", fullName, "expected namespace/name, e.g. rpms/python-pyte");
        }
        return new DistGitRepo(parts[0], parts[1]);
    }

    public static bool TryParse(string? fullName, out DistGitRepo? repo)
    {
        try
        {
            repo = Parse(fullName);
            return true;
        }
        catch (DistGitNameException)
        {
            repo = null;
            return false;
        }
    }

    public override string ToString() => FullName;
}

namespace Releng.Jobs.Forgejo;

/// <summary>A tracker project path split for the API: <c>releng/fedora-scm-requests</c> → owner <c>releng</c>, repo <c>fedora-scm-requests</c>.</summary>
public readonly record struct ForgejoRepository(string Owner, string Repo)
{
    public static ForgejoRepository Parse(string project)
    {
        var parts = project.Split('/');
        if (parts.Length != 2 || parts.Any(part => part.Length == 0))
        {
            throw new ArgumentException($"'{project}' is not a Forgejo repository: write it as owner/repo (releng/tickets)", nameof(project));
        }
        return new ForgejoRepository(parts[0], parts[1]);
    }

    public override string ToString() => $"{Owner}/{Repo}";
}

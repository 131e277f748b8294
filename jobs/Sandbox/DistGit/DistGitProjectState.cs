namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// What the fake dist-git knows about one project besides its git repository: ownership, access and the dates it
/// reports. Plain properties only, so it round-trips through the saved world.
/// </summary>
public sealed class DistGitProjectState
{
    public int Id { get; set; }
    public string Namespace { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Url { get; set; }

    /// <summary>The main admin (<c>access_users.owner[0]</c>); <c>orphan</c> when orphaned.</summary>
    public string Owner { get; set; } = "";

    public List<string> Admins { get; set; } = [];
    public List<string> Committers { get; set; } = [];

    /// <summary>User → branch patterns.</summary>
    public Dictionary<string, string> Collaborators { get; set; } = [];

    public List<string> AdminGroups { get; set; } = [];
    public List<string> CommitGroups { get; set; } = [];
    public Dictionary<string, string> CollaboratorGroups { get; set; } = [];

    /// <summary>Epoch seconds with a fraction, as Pagure sends them.</summary>
    public string DateCreated { get; set; } = "";
    public string DateModified { get; set; } = "";

    public string FullName => $"{Namespace}/{Name}";
}

namespace Releng.Jobs.Configuration;

public sealed class ServiceUrls
{
    public required string Pagure { get; set; }
    public required string Distgit { get; set; }
    /// <summary>Where dist-git repositories are cloned from and pushed to (ssh or https); defaults to <see cref="Distgit"/>.</summary>
    public string? DistgitGit { get; set; }
    public required string Koji { get; set; }
    public required string Bugzilla { get; set; }
    public required string Bodhi { get; set; }
    public string? Github { get; set; }
    /// <summary>FASJSON, the Fedora account directory (read with Kerberos); without it accounts cannot be checked.</summary>
    public string? Fasjson { get; set; }
    /// <summary>Fedora Forge (Forgejo), where the ticket trackers live: <c>https://forge.fedoraproject.org/</c>.</summary>
    public string? Forge { get; set; }
    /// <summary>
    /// Requests in flight at once to each service named here (<c>concurrency: { distgit: 12 }</c>), by the names of
    /// the address keys above (<see cref="Services.ServiceName.Every"/>); a service not named keeps the default bound of 8. Between 1 and <see cref="MaxConcurrency"/>.
    /// </summary>
    public Dictionary<string, int>? Concurrency { get; set; }

    public const int MaxConcurrency = 32;
}

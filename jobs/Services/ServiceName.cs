namespace Releng.Jobs.Services;

/// <summary>Names of the HTTP services; each has its own HttpClient, resilience pipeline and concurrency bound.</summary>
public static class ServiceName
{
    public const string Pagure = "pagure";
    public const string Forge = "forge";
    public const string DistGit = "distgit";
    public const string Koji = "koji";
    public const string Bugzilla = "bugzilla";
    public const string Bodhi = "bodhi";
    public const string GitHub = "github";
    public const string Fasjson = "fasjson";

    public static IReadOnlyList<string> All { get; } = [Pagure, DistGit, Koji, Bugzilla, Bodhi];
}

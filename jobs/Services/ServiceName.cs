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

    /// <summary>Every HTTP service, also the keys of its address and of its bound in jobs.yaml's <c>services</c>.</summary>
    public static IReadOnlyList<string> Every { get; } = [Pagure, Forge, DistGit, Koji, Bugzilla, Bodhi, GitHub, Fasjson];
}

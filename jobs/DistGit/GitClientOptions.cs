using Releng.Jobs.Services;

namespace Releng.Jobs.DistGit;

/// <summary>How <see cref="GitClient"/> reaches dist-git and whom its commits are from.</summary>
/// <param name="Remote">
/// Base of the git URLs: <c>https://src.fedoraproject.org/</c>, or a local directory / <c>file://</c> URI (the
/// sandbox's bare repositories). A repository's URL is <c>{Remote}{namespace}/{name}.git</c>.
/// </param>
public sealed record GitClientOptions(Uri Remote)
{
    public GitIdentity Identity { get; init; } = GitIdentity.Releng;

    /// <summary>
    /// Token for pushing over HTTPS, sent as an HTTP Basic header with <see cref="PushUser"/> through git's
    /// environment configuration (never on a command line, never logged). Ignored for local remotes.
    /// </summary>
    public string? PushToken { get; init; }

    public string PushUser { get; init; } = BotAccount.DefaultName;

    public string GitExecutable { get; init; } = "git";

    /// <summary>Where working copies are made (a fresh directory each, always removed); the system temp directory by default.</summary>
    public string? TempRoot { get; init; }

    /// <summary>When set, commits are dated by this clock (the sandbox's); otherwise git uses the real time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Receives each git command line as run (arguments only; secrets never appear in them).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The clone URL (or local path) of a repository.</summary>
    public string RepositoryUrl(DistGitRepo repo)
    {
        var baseUri = Remote.OriginalString.EndsWith('/') || Remote.OriginalString.EndsWith(Path.DirectorySeparatorChar)
            ? Remote
            : new Uri(Remote.OriginalString + "/");
        var uri = new Uri(baseUri, $"{repo.Namespace}/{repo.Name}.git");
        return uri.IsFile ? uri.LocalPath : uri.AbsoluteUri;
    }

    /// <summary>Everything but the token's value: a record's generated <c>ToString</c> would print it.</summary>
    public override string ToString() =>
        $"GitClientOptions {{ Remote = {Remote}, PushUser = {PushUser}, PushToken = {(PushToken is null ? "unset" : "set")}, GitExecutable = {GitExecutable} }}";

    internal bool IsHttp => Remote.Scheme is "http" or "https";
}

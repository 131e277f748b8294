using System.Text;

namespace Releng.Jobs.DistGit;

/// <summary>
/// How the git commands of one working copy reach dist-git, prepared when it is cloned. A local remote (the sandbox)
/// needs nothing. HTTPS with <see cref="GitClientOptions.PushToken"/> sends <c>Authorization: Basic</c> for the token's
/// own account (real Pagure takes an HTTP push only from it), through git's environment configuration. SSH uses
/// <see cref="GitClientOptions.SshKey"/> written to a file readable by the owner only and the pinned
/// <see cref="GitClientOptions.SshKnownHosts"/>, both inside the working copy's temporary directory, so they are removed
/// with it; no agent, no user configuration, no unknown host accepted.
/// </summary>
internal sealed class GitTransport
{
    private GitTransport(string repositoryUrl, IReadOnlyDictionary<string, string> environment)
    {
        RepositoryUrl = repositoryUrl;
        Environment = environment;
    }

    public string RepositoryUrl { get; }

    /// <summary>Variables for every git command of the working copy (secrets only here, never in arguments).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public static async Task<GitTransport> PrepareAsync(
        GitClientOptions options, DistGitRepo repo, string root, CancellationToken cancellationToken)
    {
        var url = options.RepositoryUrl(repo);
        if (options.IsHttp)
        {
            if (options.PushToken is not { } token)
            {
                return new GitTransport(url, new Dictionary<string, string>());
            }
            var user = await PushUserAsync(options, cancellationToken).ConfigureAwait(false);
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
            return new GitTransport(url, new Dictionary<string, string>
            {
                ["GIT_CONFIG_COUNT"] = "1",
                ["GIT_CONFIG_KEY_0"] = "http.extraHeader",
                ["GIT_CONFIG_VALUE_0"] = $"Authorization: Basic {basic}",
            });
        }
        if (options.IsSsh)
        {
            if (options.SshKey is not { } key || options.SshKnownHosts is not { } knownHosts)
            {
                throw new InvalidOperationException(
                    $"dist-git is reached over ssh ({options.Remote}), which needs the key in DISTGIT_SSH_KEY and the server's " +
                    "pinned host keys in DISTGIT_SSH_KNOWN_HOSTS");
            }
            if (string.IsNullOrEmpty(options.Remote.UserInfo))
            {
                var user = await PushUserAsync(options, cancellationToken).ConfigureAwait(false);
                url = new UriBuilder(url) { UserName = DistGitName.User(user) }.Uri.AbsoluteUri;
            }
            var directory = Path.Combine(root, "ssh");
            Directory.CreateDirectory(directory);
            var keyFile = WriteOwnerOnly(Path.Combine(directory, "key"), key);
            var knownHostsFile = WriteOwnerOnly(Path.Combine(directory, "known_hosts"), knownHosts);
            var command = string.Join(' ',
                Quote(options.SshExecutable), "-F", "none", "-i", Quote(keyFile),
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", $"UserKnownHostsFile={Quote(knownHostsFile)}",
                "-o", "GlobalKnownHostsFile=none");
            return new GitTransport(url, new Dictionary<string, string> { ["GIT_SSH_COMMAND"] = command });
        }
        return new GitTransport(url, new Dictionary<string, string>());
    }

    private static async Task<string> PushUserAsync(GitClientOptions options, CancellationToken cancellationToken)
    {
        if (options.PushUser is { } user)
        {
            return user;
        }
        if (options.PushUserLookup is { } lookup)
        {
            return await lookup(cancellationToken).ConfigureAwait(false);
        }
        throw new InvalidOperationException("no dist-git push user: set DISTGIT_TOKEN so its account can be asked (whoami)");
    }

    /// <summary>ssh refuses a key others can read, and a key without its final newline.</summary>
    private static string WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(normalized));
        }
        return path;
    }

    // GIT_SSH_COMMAND goes through a shell: single quotes keep a path with spaces whole.
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

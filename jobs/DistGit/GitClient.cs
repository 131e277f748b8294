namespace Releng.Jobs.DistGit;

/// <summary>
/// Clones dist-git repositories into throw-away working copies with the real <c>git</c> executable. Every command
/// gets an argument list, a clean environment and the configured identity; a token, when needed, travels in the
/// process environment only.
/// </summary>
public sealed class GitClient(GitClientOptions options)
{
    public GitClientOptions Options => options;

    /// <summary>
    /// Clones the repository (all branches, as <c>origin/*</c>) into a new temporary directory. Dispose the working
    /// copy to remove it; if the clone fails, the directory is removed before the exception leaves.
    /// </summary>
    public async Task<GitWorkingCopy> CloneAsync(DistGitRepo repo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var root = Path.Combine(options.TempRoot ?? Path.GetTempPath(), $"releng-git-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var copy = new GitWorkingCopy(options, repo, root, Path.Combine(root, repo.Name));
        try
        {
            await copy.RunAsync(null, ["clone", "--quiet", "--no-checkout", "--origin", "origin", "--", options.RepositoryUrl(repo), copy.Directory],
                cancellationToken).ConfigureAwait(false);
            return copy;
        }
        catch
        {
            await copy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

namespace Releng.Jobs.DistGit;

/// <summary>
/// Clones dist-git repositories into throw-away working copies with the real <c>git</c> executable. Every command
/// gets an argument list, a clean environment and the configured identity; a token, when needed, travels in the
/// process environment only, and an SSH key in a temporary file removed with the working copy (see <see cref="GitTransport"/>).
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
        GitWorkingCopy? copy = null;
        try
        {
            var transport = await GitTransport.PrepareAsync(options, repo, root, cancellationToken).ConfigureAwait(false);
            copy = new GitWorkingCopy(options, transport, repo, root, Path.Combine(root, repo.Name));
            await copy.RunAsync(null, ["clone", "--quiet", "--no-checkout", "--origin", "origin", "--", transport.RepositoryUrl, copy.Directory],
                cancellationToken).ConfigureAwait(false);
            return copy;
        }
        catch
        {
            GitWorkingCopy.RemoveDirectory(root);
            throw;
        }
    }
}

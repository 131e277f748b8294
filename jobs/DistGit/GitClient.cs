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
    public Task<GitWorkingCopy> CloneAsync(DistGitRepo repo, CancellationToken cancellationToken = default) =>
        CloneAsync(repo, [], cancellationToken);

    /// <summary>
    /// Like <see cref="CloneAsync(DistGitRepo, CancellationToken)"/>, but only the head of each branch and its parent
    /// (<c>--depth=2</c>): what a check of a retirement needs, whatever the length of the package's history.
    /// <see cref="GitWorkingCopy.FindRetirementAsync"/> fetches the rest only when the retirement is older than that.
    /// </summary>
    public Task<GitWorkingCopy> ShallowCloneAsync(DistGitRepo repo, CancellationToken cancellationToken = default) =>
        CloneAsync(repo, ["--depth=2", "--no-single-branch"], cancellationToken);

    private async Task<GitWorkingCopy> CloneAsync(DistGitRepo repo, IReadOnlyList<string> cloneOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var root = Path.Combine(options.TempRoot ?? Path.GetTempPath(), $"releng-git-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        GitWorkingCopy? copy = null;
        try
        {
            var transport = await GitTransport.PrepareAsync(options, repo, root, cancellationToken).ConfigureAwait(false);
            copy = new GitWorkingCopy(options, transport, repo, root, Path.Combine(root, repo.Name));
            await copy.RunAsync(null, ["clone", "--quiet", "--no-checkout", .. cloneOptions, "--origin", "origin", "--", ShallowCapable(transport.RepositoryUrl), copy.Directory],
                cancellationToken).ConfigureAwait(false);
            return copy;
        }
        catch
        {
            GitWorkingCopy.RemoveDirectory(root);
            throw;
        }
    }

    /// <summary>git ignores <c>--depth</c> for a plain local path; the same repository as a <c>file://</c> URL honours it.</summary>
    private static string ShallowCapable(string url) =>
        Path.IsPathFullyQualified(url) && !url.Contains("://", StringComparison.Ordinal) ? new Uri(url).AbsoluteUri : url;
}

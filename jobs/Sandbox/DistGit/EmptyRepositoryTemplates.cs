using System.Collections.Concurrent;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// Empty bare repositories made once by <c>git init</c> per default branch and copied for each new repository:
/// copying a handful of small files is much cheaper than a git process per repository when seeding thousands.
/// </summary>
internal sealed class EmptyRepositoryTemplates(string root) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _templates = new(StringComparer.Ordinal);

    public BareRepository CopyTo(string path, string defaultBranch)
    {
        var template = _templates.GetOrAdd(defaultBranch, branch => new Lazy<string>(() =>
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, branch)).FullName;
            // An empty template directory: no sample hooks to copy thousands of times.
            Git.Run(dir, "init", "--quiet", "--bare", "--template=", $"--initial-branch={branch}");
            return dir;
        })).Value;
        Copy(template, path);
        return new BareRepository(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

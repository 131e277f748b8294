using System.Collections.Concurrent;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// Empty bare repositories made once per default branch and copied for each new repository: libgit2's init probes
/// the file system (symbolic links, file modes, case) every time, and copying a handful of small files is several
/// times cheaper when seeding thousands.
/// </summary>
internal sealed class EmptyRepositoryTemplates(string root) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _templates = new(StringComparer.Ordinal);

    public BareRepository CopyTo(string path, string defaultBranch)
    {
        var template = _templates.GetOrAdd(defaultBranch, branch => new Lazy<string>(() =>
        {
            var dir = Path.Combine(root, branch);
            BareRepository.Init(dir, branch);
            // What git init --template= leaves out: fewer files to create thousands of times.
            Directory.Delete(Path.Combine(dir, "hooks"), recursive: true);
            Directory.Delete(Path.Combine(dir, "info"), recursive: true);
            File.Delete(Path.Combine(dir, "description"));
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
